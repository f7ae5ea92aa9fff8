/// The fields of the demo catalog and the words of their generated names.
///
/// The counts add up to 1,764 procedures (1,413 at province, 232 at district, 119 at commune level), the size of the
/// Điện Biên catalog around 2022; the split follows a typical province, where most procedures belong to provincial
/// departments and communes handle civil status, certification, residence and social support.
enum DemoVocabulary {
    static let fields: [DemoField] = [
        DemoField(
            name: "Tư pháp", abbreviation: "TP", counts: (95, 8, 6),
            objects: [
                "Phiếu lý lịch tư pháp", "Chứng chỉ hành nghề luật sư", "Giấy đăng ký hoạt động của tổ chức hành nghề luật sư",
                "Thẻ công chứng viên", "Giấy đăng ký hoạt động của Văn phòng công chứng", "Thẻ đấu giá viên",
                "Giấy đăng ký hoạt động của doanh nghiệp đấu giá tài sản", "Giấy đăng ký hoạt động của Trung tâm trọng tài",
                "Thẻ giám định viên tư pháp", "Giấy đăng ký hoạt động của Văn phòng thừa phát lại",
            ],
            qualifiers: ["", " theo yêu cầu của cơ quan, tổ chức", " cho người nước ngoài"],
            deadlines: [.wd(5), .wd(7), .wd(10), .wd(15), .wd(20)],
            feeName: "Phí thẩm định tiêu chuẩn, điều kiện hành nghề", feeAmounts: [200_000, 500_000, 800_000, 1_000_000],
            freeShare: 0.45, onlineAffinity: 0.6),
        DemoField(
            name: "Hộ tịch", abbreviation: "HT", counts: (0, 14, 20),
            actions: ["Cấp", "Cấp lại", "Cấp bản sao"],
            objects: ["Trích lục khai sinh", "Trích lục kết hôn", "Trích lục khai tử", "Trích lục giám hộ"],
            qualifiers: ["", " cho người đang cư trú ở nước ngoài"],
            deadlines: [.wd(1), .wd(3), .wd(5)],
            feeName: "Lệ phí đăng ký hộ tịch", feeAmounts: [5_000, 8_000, 10_000, 15_000],
            freeShare: 0.5, onlineAffinity: 0.8),
        DemoField(
            name: "Chứng thực", abbreviation: "CT", counts: (0, 12, 10),
            actions: ["Chứng thực", "Cấp bản sao có chứng thực"],
            objects: [
                "hợp đồng mua bán tài sản", "hợp đồng tặng cho tài sản", "hợp đồng thế chấp tài sản", "hợp đồng ủy quyền",
                "văn bản khai nhận di sản", "hợp đồng thuê tài sản",
            ],
            qualifiers: ["", " là động sản"],
            deadlines: [.wd(1), .wd(2), .wd(3)],
            feeName: "Phí chứng thực", feeAmounts: [2_000, 10_000, 25_000, 50_000],
            freeShare: 0.1, onlineAffinity: 0.2),
        DemoField(
            name: "Đất đai", abbreviation: "DD", counts: (60, 25, 1),
            actions: ["Cấp", "Cấp lại", "Cấp đổi", "Đính chính", "Thu hồi", "Xác nhận thay đổi"],
            objects: [
                "Giấy chứng nhận quyền sử dụng đất", "Giấy chứng nhận quyền sở hữu nhà ở và tài sản khác gắn liền với đất",
                "Quyết định giao đất", "Quyết định cho thuê đất", "Quyết định gia hạn sử dụng đất",
                "Quyết định chuyển mục đích sử dụng đất", "Trích lục bản đồ địa chính", "Quyết định chuyển hình thức sử dụng đất",
            ],
            qualifiers: ["", " đối với tổ chức", " đối với hộ gia đình, cá nhân"],
            deadlines: [.wd(10), .wd(15), .wd(20), .wd(30), .cd(30)],
            feeName: "Lệ phí cấp Giấy chứng nhận quyền sử dụng đất", feeAmounts: [25_000, 50_000, 100_000, 500_000],
            freeShare: 0.35, onlineAffinity: 0.3),
        DemoField(
            name: "Tài nguyên và Môi trường", abbreviation: "MT", counts: (55, 8, 1),
            objects: [
                "giấy phép khai thác, sử dụng nước mặt", "giấy phép khai thác, sử dụng nước dưới đất", "giấy phép xả nước thải vào nguồn nước",
                "giấy phép thăm dò khoáng sản", "giấy phép khai thác khoáng sản", "giấy phép môi trường",
                "giấy phép hành nghề khoan nước dưới đất", "giấy phép khai thác tận thu khoáng sản",
            ],
            qualifiers: ["", " (trường hợp thay đổi chủ đầu tư)", " đối với công trình thủy điện"],
            deadlines: [.wd(15), .wd(30), .wd(45), .cd(30), .m(2)],
            feeName: "Phí thẩm định hồ sơ", feeAmounts: [300_000, 1_000_000, 3_000_000, 7_500_000],
            freeShare: 0.3, onlineAffinity: 0.35),
        DemoField(
            name: "Xây dựng", abbreviation: "XD", counts: (80, 20, 0),
            objects: [
                "giấy phép xây dựng công trình", "chứng chỉ hành nghề hoạt động xây dựng", "chứng chỉ năng lực hoạt động xây dựng",
                "giấy phép hoạt động xây dựng cho nhà thầu nước ngoài", "giấy phép quy hoạch xây dựng",
                "giấy phép xây dựng có thời hạn", "giấy chứng nhận đủ điều kiện kinh doanh dịch vụ bất động sản",
                "chứng chỉ hành nghề môi giới bất động sản", "giấy phép di dời công trình", "giấy phép xây dựng công trình quảng cáo",
            ],
            qualifiers: ["", " hạng II, hạng III", " đối với công trình theo tuyến"],
            deadlines: [.wd(7), .wd(15), .wd(20), .wd(30), .cd(30), .cd(40)],
            feeName: "Lệ phí cấp giấy phép xây dựng", feeAmounts: [50_000, 75_000, 100_000, 150_000, 300_000],
            freeShare: 0.3, onlineAffinity: 0.5),
        DemoField(
            name: "Lao động - Thương binh và Xã hội", abbreviation: "LD", counts: (140, 40, 25),
            actions: ["Cấp", "Cấp lại", "Điều chỉnh", "Giải quyết", "Thôi hưởng", "Xác nhận"],
            objects: [
                "giấy phép lao động cho người nước ngoài", "giấy phép hoạt động dịch vụ việc làm", "giấy phép cho thuê lại lao động",
                "chế độ trợ cấp thất nghiệp", "chế độ ưu đãi người có công với cách mạng", "trợ cấp hằng tháng đối với thương binh",
                "chế độ mai táng phí, trợ cấp một lần", "trợ cấp xã hội hằng tháng", "chế độ đối với thân nhân liệt sĩ",
                "giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp", "hỗ trợ học nghề", "chế độ chăm sóc, nuôi dưỡng đối tượng bảo trợ xã hội",
            ],
            qualifiers: ["", " đối với người đang sinh sống ở địa phương", " (trường hợp chuyển đến từ tỉnh khác)"],
            deadlines: [.wd(5), .wd(7), .wd(10), .wd(15), .wd(20), .wd(25)],
            feeName: "Phí thẩm định cấp giấy phép", feeAmounts: [300_000, 500_000, 600_000, 1_000_000],
            freeShare: 0.8, onlineAffinity: 0.5),
        DemoField(
            name: "Giáo dục", abbreviation: "GD", counts: (110, 30, 4),
            actions: ["Cấp", "Cấp lại", "Công nhận", "Cho phép", "Điều chỉnh", "Thu hồi"],
            objects: [
                "quyết định thành lập trường trung học phổ thông", "quyết định cho phép hoạt động giáo dục",
                "giấy chứng nhận đăng ký hoạt động liên kết đào tạo", "văn bằng, chứng chỉ", "quyết định công nhận trường đạt chuẩn quốc gia",
                "giấy phép hoạt động của trung tâm ngoại ngữ, tin học", "quyết định thành lập trung tâm giáo dục thường xuyên",
                "giấy chứng nhận kiểm định chất lượng giáo dục", "quyết định cho phép dạy thêm, học thêm", "giấy phép tổ chức hội thảo quốc tế về giáo dục",
            ],
            qualifiers: ["", " tư thục", " có vốn đầu tư nước ngoài"],
            deadlines: [.wd(5), .wd(10), .wd(15), .wd(20), .cd(20)],
            feeName: "Phí thẩm định điều kiện hoạt động", feeAmounts: [500_000, 1_000_000],
            freeShare: 0.8, onlineAffinity: 0.55),
        DemoField(
            name: "Y tế", abbreviation: "YT", counts: (150, 4, 0),
            objects: [
                "giấy phép hoạt động khám bệnh, chữa bệnh", "chứng chỉ hành nghề khám bệnh, chữa bệnh", "chứng chỉ hành nghề dược",
                "giấy chứng nhận đủ điều kiện kinh doanh dược", "giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
                "giấy phép hoạt động của phòng khám chuyên khoa", "giấy tiếp nhận đăng ký bản công bố sản phẩm",
                "giấy xác nhận nội dung quảng cáo thực phẩm", "giấy chứng nhận đủ điều kiện xét nghiệm", "giấy phép hoạt động của trạm y tế",
            ],
            qualifiers: ["", " đối với cơ sở y tế tư nhân", " đối với cơ sở thuộc thẩm quyền của Sở Y tế"],
            deadlines: [.wd(10), .wd(15), .wd(20), .wd(30), .cd(30), .cd(60), .cd(90), .m(3)],
            feeName: "Phí thẩm định cấp giấy phép hoạt động", feeAmounts: [500_000, 1_500_000, 3_100_000, 4_300_000, 5_700_000],
            freeShare: 0.2, onlineAffinity: 0.45),
        DemoField(
            name: "Nông nghiệp", abbreviation: "NN", counts: (125, 15, 6),
            objects: [
                "giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật", "giấy chứng nhận kiểm dịch động vật",
                "giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông, lâm, thủy sản", "giấy phép khai thác thủy sản",
                "giấy chứng nhận đủ điều kiện sản xuất giống cây trồng", "giấy chứng nhận đủ điều kiện buôn bán phân bón",
                "giấy phép hành nghề thú y", "giấy chứng nhận vùng an toàn dịch bệnh động vật", "giấy phép vận chuyển lâm sản",
                "giấy chứng nhận đủ điều kiện sản xuất thức ăn chăn nuôi",
            ],
            qualifiers: ["", " (cấp tỉnh)", " đối với hợp tác xã nông nghiệp"],
            deadlines: [.wd(5), .wd(10), .wd(15), .wd(20), .wd(30), .h(24)],
            feeName: "Phí thẩm định điều kiện sản xuất, kinh doanh", feeAmounts: [200_000, 700_000, 1_000_000],
            freeShare: 0.4, onlineAffinity: 0.45),
        DemoField(
            name: "Giao thông vận tải", abbreviation: "GT", counts: (110, 6, 0),
            objects: [
                "giấy phép lái xe", "giấy phép kinh doanh vận tải bằng xe ô tô", "phù hiệu xe ô tô kinh doanh vận tải",
                "giấy chứng nhận đăng ký phương tiện thủy nội địa", "giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn",
                "giấy phép thi công công trình trên đường bộ đang khai thác", "giấy phép liên vận Việt - Lào",
                "giấy chứng nhận giáo viên dạy thực hành lái xe", "giấy phép xe tập lái", "giấy phép đào tạo lái xe ô tô",
            ],
            qualifiers: ["", " cho phương tiện của tổ chức", " (trường hợp bị mất)"],
            deadlines: [.wd(2), .wd(3), .wd(5), .wd(7), .wd(10), .h(24), .h(48)],
            feeName: "Lệ phí cấp giấy phép", feeAmounts: [50_000, 70_000, 135_000, 200_000],
            freeShare: 0.35, onlineAffinity: 0.75),
        DemoField(
            name: "Kế hoạch và Đầu tư", abbreviation: "DT", counts: (105, 8, 0),
            actions: ["Đăng ký", "Cấp", "Cấp lại", "Điều chỉnh", "Thông báo", "Chấm dứt"],
            objects: [
                "thay đổi nội dung đăng ký doanh nghiệp", "giấy chứng nhận đăng ký đầu tư", "thành lập chi nhánh, văn phòng đại diện",
                "giấy chứng nhận đăng ký hợp tác xã", "hoạt động địa điểm kinh doanh", "giấy chứng nhận đăng ký hoạt động chi nhánh",
                "tạm ngừng kinh doanh", "giải thể doanh nghiệp", "chuyển đổi loại hình doanh nghiệp", "dự án đầu tư theo phương thức đối tác công tư",
            ],
            qualifiers: ["", " đối với công ty trách nhiệm hữu hạn", " đối với công ty cổ phần"],
            deadlines: [.wd(3), .wd(5), .wd(15), .cd(15), .cd(30), .cd(45)],
            feeName: "Lệ phí đăng ký doanh nghiệp", feeAmounts: [50_000, 100_000],
            freeShare: 0.4, onlineAffinity: 0.85),
        DemoField(
            name: "Công thương", abbreviation: "CN", counts: (120, 12, 0),
            objects: [
                "giấy phép bán buôn rượu", "giấy phép bán buôn sản phẩm thuốc lá", "giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu",
                "giấy chứng nhận đủ điều kiện kinh doanh khí", "giấy chứng nhận đủ điều kiện sản xuất hóa chất", "giấy phép hoạt động điện lực",
                "giấy phép kinh doanh mua bán hàng hóa của tổ chức kinh tế có vốn đầu tư nước ngoài", "giấy phép sử dụng vật liệu nổ công nghiệp",
                "giấy xác nhận đăng ký tổ chức hội chợ, triển lãm thương mại", "giấy phép thành lập Sở Giao dịch hàng hóa",
            ],
            qualifiers: ["", " trên địa bàn tỉnh", " đối với thương nhân"],
            deadlines: [.wd(7), .wd(10), .wd(12), .wd(15), .cd(15)],
            feeName: "Phí thẩm định điều kiện kinh doanh", feeAmounts: [400_000, 1_200_000, 2_200_000],
            freeShare: 0.3, onlineAffinity: 0.7),
        DemoField(
            name: "Văn hóa", abbreviation: "VH", counts: (95, 10, 9),
            objects: [
                "giấy phép kinh doanh dịch vụ lữ hành nội địa", "giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao",
                "quyết định công nhận hạng cơ sở lưu trú du lịch", "giấy phép tổ chức lễ hội", "giấy phép thành lập bảo tàng ngoài công lập",
                "thẻ hướng dẫn viên du lịch", "giấy phép triển lãm mỹ thuật", "giấy phép phổ biến phim", "giấy phép nhập khẩu văn hóa phẩm",
                "giấy phép xây dựng tượng đài, tranh hoành tráng",
            ],
            qualifiers: ["", " quốc tế", " đối với doanh nghiệp"],
            deadlines: [.wd(3), .wd(5), .wd(7), .wd(10), .wd(15)],
            feeName: "Phí thẩm định nội dung", feeAmounts: [100_000, 500_000, 1_000_000, 2_000_000],
            freeShare: 0.45, onlineAffinity: 0.5),
        DemoField(
            name: "Nội vụ", abbreviation: "NV", counts: (80, 12, 14),
            actions: ["Thẩm định", "Công nhận", "Phê duyệt", "Điều chỉnh", "Đăng ký", "Thông báo"],
            objects: [
                "thành lập đơn vị sự nghiệp công lập", "điều lệ hội", "ban vận động thành lập hội", "quỹ xã hội, quỹ từ thiện",
                "xếp hạng đơn vị sự nghiệp công lập", "hoạt động tôn giáo", "người đại diện của tổ chức tôn giáo",
                "danh hiệu thi đua", "tổ chức lại, giải thể tổ chức hành chính", "tuyển dụng viên chức",
            ],
            qualifiers: ["", " có phạm vi hoạt động trong tỉnh", " có phạm vi hoạt động trong huyện"],
            deadlines: [.wd(5), .wd(10), .wd(15), .wd(20), .cd(30), .cd(45)],
            feeName: "Lệ phí cấp giấy phép", feeAmounts: [100_000],
            freeShare: 0.85, onlineAffinity: 0.4),
        DemoField(
            name: "Tài chính", abbreviation: "TC", counts: (48, 4, 2),
            actions: ["Thẩm định", "Phê duyệt", "Đăng ký", "Điều chỉnh"],
            objects: [
                "quyết toán dự án hoàn thành", "giá đất cụ thể", "phương án giá hàng hóa, dịch vụ", "mã số đơn vị có quan hệ với ngân sách",
                "phương án sắp xếp lại, xử lý nhà, đất", "tài sản công",
            ],
            qualifiers: ["", " sử dụng vốn nhà nước", " thuộc cấp tỉnh quản lý"],
            deadlines: [.wd(5), .wd(7), .wd(10), .wd(15), .m(1)],
            feeName: "Phí thẩm định", feeAmounts: [500_000, 1_000_000],
            freeShare: 0.75, onlineAffinity: 0.55),
        DemoField(
            name: "Công an", abbreviation: "CA", counts: (40, 4, 21),
            objects: [
                "giấy chứng nhận đủ điều kiện về an ninh, trật tự", "giấy phép sử dụng vũ khí thô sơ", "giấy phép sử dụng công cụ hỗ trợ",
                "giấy chứng nhận đăng ký xe", "biển số xe", "giấy chứng nhận đủ điều kiện về phòng cháy và chữa cháy",
            ],
            qualifiers: ["", " cho tổ chức", " cho cá nhân"],
            deadlines: [.wd(2), .wd(3), .wd(5), .wd(7), .h(12), .h(24)],
            feeName: "Lệ phí cấp giấy tờ", feeAmounts: [10_000, 15_000, 20_000, 50_000, 200_000],
            freeShare: 0.4, onlineAffinity: 0.9),
    ]
}
