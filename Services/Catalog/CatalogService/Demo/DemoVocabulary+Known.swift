internal import DomainModel

extension DemoVocabulary {
    /// Procedures with their real names, by field abbreviation. Deadlines, fees and online levels are typical demo
    /// values (several are what the national rules set, e.g. birth registration on the day, free when on time).
    static let known: [DemoKnownProcedure] = [
        // Hộ tịch: commune and district civil status (Luật Hộ tịch 2014).
        k("HT", .commune, "Đăng ký khai sinh", 4, .wd(1)),
        k("HT", .commune, "Đăng ký khai tử", 4, .wd(1)),
        k("HT", .commune, "Đăng ký kết hôn", 3, .wd(1)),
        k("HT", .commune, "Đăng ký nhận cha, mẹ, con", 3, .wd(3), fee: ("Lệ phí đăng ký hộ tịch", 15_000)),
        k("HT", .commune, "Đăng ký khai sinh kết hợp nhận cha, mẹ, con", 3, .wd(3), fee: ("Lệ phí đăng ký hộ tịch", 15_000)),
        k("HT", .commune, "Đăng ký giám hộ", 3, .wd(3)),
        k("HT", .commune, "Đăng ký chấm dứt giám hộ", 3, .wd(2)),
        k("HT", .commune, "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", 3, .wd(3), fee: ("Lệ phí đăng ký hộ tịch", 15_000)),
        k("HT", .commune, "Cấp Giấy xác nhận tình trạng hôn nhân", 4, .wd(3), fee: ("Lệ phí đăng ký hộ tịch", 15_000)),
        k("HT", .commune, "Đăng ký lại khai sinh", 3, .wd(5)),
        k("HT", .commune, "Đăng ký lại kết hôn", 3, .wd(5)),
        k("HT", .commune, "Đăng ký lại khai tử", 3, .wd(5)),
        k("HT", .commune, "Đăng ký khai sinh lưu động", 2, .wd(5)),
        k("HT", .commune, "Đăng ký kết hôn lưu động", 2, .wd(5)),
        k("HT", .commune, "Đăng ký khai tử lưu động", 2, .wd(5)),
        k("HT", .commune, "Cấp bản sao Trích lục hộ tịch", 4, .wd(1), fee: ("Phí cấp bản sao Trích lục hộ tịch", 8_000)),
        k("HT", .commune, "Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân", 3, .wd(3)),
        k("HT", .commune, "Đăng ký giám sát việc giám hộ", 2, .wd(3)),
        k("HT", .commune, "Đăng ký chấm dứt giám sát việc giám hộ", 2, .wd(3)),
        k("HT", .commune, "Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
          4, .wd(10)),
        k("HT", .district, "Đăng ký khai sinh có yếu tố nước ngoài", 3, .wd(3), fee: ("Lệ phí đăng ký hộ tịch", 75_000)),
        k("HT", .district, "Đăng ký kết hôn có yếu tố nước ngoài", 3, .wd(15), fee: ("Lệ phí đăng ký hộ tịch", 1_000_000)),
        k("HT", .district, "Đăng ký khai tử có yếu tố nước ngoài", 3, .wd(3), fee: ("Lệ phí đăng ký hộ tịch", 75_000)),
        k("HT", .district, "Đăng ký nhận cha, mẹ, con có yếu tố nước ngoài", 3, .wd(15), fee: ("Lệ phí đăng ký hộ tịch", 1_000_000)),
        k("HT", .district, "Đăng ký lại khai sinh có yếu tố nước ngoài", 2, .wd(5), fee: ("Lệ phí đăng ký hộ tịch", 75_000)),
        k("HT", .district, "Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc", 3, .wd(3), fee: ("Lệ phí đăng ký hộ tịch", 28_000)),
        k("HT", .district, "Ghi vào Sổ hộ tịch việc kết hôn của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài",
          3, .wd(5), fee: ("Lệ phí đăng ký hộ tịch", 50_000)),
        k("HT", .district, "Ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài",
          3, .wd(5), fee: ("Lệ phí đăng ký hộ tịch", 50_000)),

        // Chứng thực (Nghị định 23/2015/NĐ-CP).
        k("CT", .commune, "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận",
          3, .wd(1), fee: ("Phí chứng thực bản sao từ bản chính (mỗi trang)", 2_000)),
        k("CT", .commune, "Chứng thực chữ ký trong các giấy tờ, văn bản", 2, .wd(1), fee: ("Phí chứng thực chữ ký", 10_000)),
        k("CT", .commune, "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở",
          2, .wd(2), fee: ("Phí chứng thực hợp đồng, giao dịch", 50_000)),
        k("CT", .commune, "Chứng thực di chúc", 2, .wd(2), fee: ("Phí chứng thực di chúc", 50_000)),
        k("CT", .commune, "Chứng thực văn bản từ chối nhận di sản", 2, .wd(2), fee: ("Phí chứng thực", 50_000)),
        k("CT", .commune, "Chứng thực văn bản thỏa thuận phân chia di sản mà di sản là động sản, quyền sử dụng đất, nhà ở",
          2, .wd(2), fee: ("Phí chứng thực", 50_000)),
        k("CT", .commune, "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", 2, .wd(2), fee: ("Phí chứng thực", 30_000)),
        k("CT", .commune, "Sửa lỗi sai sót trong hợp đồng, giao dịch", 2, .wd(2), fee: ("Phí chứng thực", 25_000)),
        k("CT", .commune, "Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực", 3, .wd(2),
          fee: ("Phí cấp bản sao có chứng thực (mỗi trang)", 2_000)),
        k("CT", .commune, "Chứng thực chữ ký người dịch mà người dịch không phải là cộng tác viên dịch thuật", 2, .wd(1),
          fee: ("Phí chứng thực chữ ký", 10_000)),
        k("CT", .district, "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của nước ngoài cấp",
          2, .wd(1), fee: ("Phí chứng thực bản sao từ bản chính (mỗi trang)", 2_000)),
        k("CT", .district, "Chứng thực chữ ký người dịch là cộng tác viên dịch thuật của Phòng Tư pháp", 2, .wd(1), fee: ("Phí chứng thực chữ ký", 10_000)),
        k("CT", .district, "Chứng thực chữ ký trong các giấy tờ, văn bản bằng tiếng nước ngoài", 2, .wd(1), fee: ("Phí chứng thực chữ ký", 10_000)),
        k("CT", .district, "Ghi nhận cộng tác viên dịch thuật", 2, .wd(5)),

        // Công an: residence (Luật Cư trú 2020), identity cards, passports.
        k("CA", .commune, "Đăng ký thường trú", 4, .wd(7), fee: ("Lệ phí đăng ký cư trú", 20_000), paper: false),
        k("CA", .commune, "Đăng ký tạm trú", 4, .wd(3), fee: ("Lệ phí đăng ký cư trú", 15_000), paper: false),
        k("CA", .commune, "Xóa đăng ký thường trú", 4, .wd(1), paper: false),
        k("CA", .commune, "Xóa đăng ký tạm trú", 4, .wd(1), paper: false),
        k("CA", .commune, "Gia hạn tạm trú", 4, .wd(3), fee: ("Lệ phí đăng ký cư trú", 15_000), paper: false),
        k("CA", .commune, "Tách hộ", 4, .wd(5), fee: ("Lệ phí đăng ký cư trú", 10_000), paper: false),
        k("CA", .commune, "Điều chỉnh thông tin về cư trú trong Cơ sở dữ liệu về cư trú", 4, .wd(3), paper: false),
        k("CA", .commune, "Xác nhận thông tin về cư trú", 4, .wd(1), paper: false),
        k("CA", .commune, "Khai báo tạm vắng", 4, .wd(1), paper: false),
        k("CA", .commune, "Thông báo lưu trú", 4, .h(12), paper: false),
        k("CA", .district, "Cấp thẻ Căn cước công dân", 3, .wd(7), fee: ("Lệ phí cấp Căn cước công dân", 30_000)),
        k("CA", .district, "Đổi thẻ Căn cước công dân", 3, .wd(7), fee: ("Lệ phí cấp Căn cước công dân", 50_000)),
        k("CA", .district, "Cấp lại thẻ Căn cước công dân", 3, .wd(7), fee: ("Lệ phí cấp Căn cước công dân", 70_000)),
        k("CA", .district, "Xác nhận số Chứng minh nhân dân khi đã được cấp thẻ Căn cước công dân", 4, .wd(7)),
        k("CA", .province, "Cấp hộ chiếu phổ thông ở trong nước", 4, .wd(8), fee: ("Lệ phí cấp hộ chiếu", 200_000)),
        k("CA", .province, "Cấp Giấy chứng nhận đủ điều kiện về an ninh, trật tự", 4, .wd(5), fee: ("Phí thẩm định", 300_000)),

        // Tư pháp.
        k("TP", .province, "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam", 4, .wd(10),
          fee: ("Phí cung cấp thông tin lý lịch tư pháp", 200_000)),
        k("TP", .province, "Đăng ký hoạt động Văn phòng công chứng", 3, .wd(10), fee: ("Phí thẩm định điều kiện hoạt động", 1_000_000)),
        k("TP", .commune, "Công nhận hòa giải viên", 2, .wd(5)),
        k("TP", .commune, "Thôi làm hòa giải viên", 2, .wd(5)),
        k("TP", .commune, "Công nhận tuyên truyền viên pháp luật", 2, .wd(5)),

        // Kế hoạch và Đầu tư: business registration (national system, online early).
        k("DT", .province, "Đăng ký thành lập doanh nghiệp tư nhân", 4, .wd(3), fee: ("Lệ phí đăng ký doanh nghiệp", 50_000)),
        k("DT", .province, "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên", 4, .wd(3), fee: ("Lệ phí đăng ký doanh nghiệp", 50_000)),
        k("DT", .province, "Đăng ký thành lập công ty cổ phần", 4, .wd(3), fee: ("Lệ phí đăng ký doanh nghiệp", 50_000)),
        k("DT", .province, "Đăng ký thay đổi địa chỉ trụ sở chính của doanh nghiệp", 4, .wd(3), fee: ("Lệ phí đăng ký doanh nghiệp", 50_000)),
        k("DT", .province, "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư", 3, .cd(15)),
        k("DT", .district, "Đăng ký thành lập hộ kinh doanh", 4, .wd(3), fee: ("Lệ phí đăng ký hộ kinh doanh", 50_000)),
        k("DT", .district, "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", 4, .wd(3), fee: ("Lệ phí đăng ký hộ kinh doanh", 50_000)),
        k("DT", .district, "Tạm ngừng hoạt động hộ kinh doanh", 4, .wd(3), paper: false),
        k("DT", .district, "Chấm dứt hoạt động hộ kinh doanh", 4, .wd(3), paper: false),
        k("DT", .district, "Đăng ký thành lập hợp tác xã", 3, .wd(3), fee: ("Lệ phí đăng ký hợp tác xã", 100_000)),

        // Đất đai and Tài nguyên và Môi trường.
        k("DD", .province, "Giao đất, cho thuê đất không thông qua hình thức đấu giá quyền sử dụng đất", 2, .wd(20)),
        k("DD", .province, "Cung cấp dữ liệu đất đai", 4, .wd(3), fee: ("Phí khai thác và sử dụng tài liệu đất đai", 100_000)),
        k("DD", .district, "Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất lần đầu",
          2, .wd(30), fee: ("Lệ phí cấp Giấy chứng nhận quyền sử dụng đất", 25_000)),
        k("DD", .district, "Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất", 3, .wd(7),
          fee: ("Lệ phí cấp Giấy chứng nhận quyền sử dụng đất", 50_000)),
        k("DD", .district, "Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền đối với hộ gia đình, cá nhân", 2, .wd(15)),
        k("DD", .commune, "Hòa giải tranh chấp đất đai", 2, .cd(45)),
        k("MT", .province, "Thẩm định, phê duyệt báo cáo đánh giá tác động môi trường", 3, .wd(30),
          fee: ("Phí thẩm định báo cáo đánh giá tác động môi trường", 7_500_000)),
        k("MT", .province, "Cấp giấy phép môi trường", 3, .wd(30), fee: ("Phí thẩm định cấp giấy phép môi trường", 3_000_000)),
        k("MT", .commune, "Đăng ký môi trường", 3, .wd(15)),

        // Xây dựng.
        k("XD", .province, "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III", 4, .wd(20), fee: ("Lệ phí cấp chứng chỉ hành nghề", 300_000)),
        k("XD", .district, "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", 3, .wd(15), fee: ("Lệ phí cấp giấy phép xây dựng", 75_000)),
        k("XD", .district, "Cấp giấy phép sửa chữa, cải tạo đối với công trình, nhà ở riêng lẻ", 3, .wd(15), fee: ("Lệ phí cấp giấy phép xây dựng", 75_000)),
        k("XD", .district, "Gia hạn giấy phép xây dựng đối với công trình, nhà ở riêng lẻ", 3, .wd(5), fee: ("Lệ phí cấp giấy phép xây dựng", 15_000)),

        // Lao động - Thương binh và Xã hội.
        k("LD", .province, "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam", 4, .wd(5), fee: ("Lệ phí cấp giấy phép lao động", 600_000)),
        k("LD", .province, "Giải quyết hưởng trợ cấp thất nghiệp", 4, .wd(20)),
        k("LD", .commune, "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng", 3, .wd(20)),
        k("LD", .commune, "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật", 3, .wd(25)),
        k("LD", .commune, "Đổi, cấp lại Giấy xác nhận khuyết tật", 4, .wd(5)),
        k("LD", .commune, "Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm", 2, .wd(10)),
        k("LD", .commune, "Công nhận hộ thoát nghèo, hộ thoát cận nghèo trong năm", 2, .wd(10)),
        k("LD", .commune, "Đăng ký hoạt động đối với cơ sở trợ giúp xã hội dưới 10 đối tượng có hoàn cảnh khó khăn", 2, .wd(5)),

        // Giáo dục.
        k("GD", .province, "Chuyển trường đối với học sinh trung học phổ thông", 4, .wd(3), paper: false),
        k("GD", .province, "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", 4, .wd(1)),
        k("GD", .province, "Chỉnh sửa nội dung văn bằng, chứng chỉ", 3, .wd(5)),
        k("GD", .district, "Chuyển trường đối với học sinh trung học cơ sở", 4, .wd(3), paper: false),
        k("GD", .commune, "Thành lập nhóm trẻ, lớp mẫu giáo độc lập", 2, .wd(20)),
        k("GD", .commune, "Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục trở lại", 2, .wd(20)),
        k("GD", .commune, "Sáp nhập, chia, tách nhóm trẻ, lớp mẫu giáo độc lập", 2, .wd(20)),
        k("GD", .commune, "Giải thể nhóm trẻ, lớp mẫu giáo độc lập", 2, .wd(20)),

        // Y tế.
        k("YT", .province, "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh đối với người Việt Nam", 3, .cd(90), fee: ("Phí thẩm định cấp chứng chỉ hành nghề", 360_000)),
        k("YT", .province, "Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược cho cơ sở bán lẻ thuốc", 4, .cd(20),
          fee: ("Phí thẩm định tiêu chuẩn và điều kiện kinh doanh dược", 500_000)),
        k("YT", .province, "Cấp chứng chỉ hành nghề dược", 4, .cd(20), fee: ("Phí thẩm định cấp chứng chỉ hành nghề dược", 500_000)),
        k("YT", .district, "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống", 3, .wd(20),
          fee: ("Phí thẩm định cơ sở đủ điều kiện an toàn thực phẩm", 700_000)),

        // Nông nghiệp.
        k("NN", .province, "Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật", 4, .wd(20), fee: ("Phí thẩm định", 500_000)),
        k("NN", .province, "Cấp Giấy chứng nhận kiểm dịch động vật, sản phẩm động vật vận chuyển ra khỏi địa bàn cấp tỉnh", 4, .h(24)),
        k("NN", .commune, "Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai", 2, .wd(5)),
        k("NN", .commune, "Phê duyệt kế hoạch khuyến nông địa phương (cấp xã)", 2, .wd(10)),

        // Giao thông vận tải.
        k("GT", .province, "Đổi Giấy phép lái xe do ngành Giao thông vận tải cấp", 4, .wd(5), fee: ("Lệ phí cấp Giấy phép lái xe", 135_000)),
        k("GT", .province, "Cấp lại Giấy phép lái xe", 3, .wd(10), fee: ("Lệ phí cấp Giấy phép lái xe", 135_000)),
        k("GT", .province, "Cấp Giấy phép kinh doanh vận tải bằng xe ô tô", 4, .wd(5), fee: ("Lệ phí cấp giấy phép kinh doanh", 200_000)),
        k("GT", .province, "Cấp Giấy phép lái xe quốc tế", 4, .wd(5), fee: ("Lệ phí cấp Giấy phép lái xe", 135_000)),
        k("GT", .district, "Đăng ký phương tiện thủy nội địa lần đầu đối với phương tiện chưa khai thác trên đường thủy nội địa", 3, .wd(3),
          fee: ("Lệ phí đăng ký phương tiện", 70_000)),

        // Công thương.
        k("CN", .province, "Cấp Giấy phép bán buôn rượu", 3, .wd(15), fee: ("Phí thẩm định điều kiện kinh doanh", 1_200_000)),
        k("CN", .province, "Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu", 3, .wd(15), fee: ("Phí thẩm định điều kiện kinh doanh", 1_200_000)),
        k("CN", .district, "Cấp Giấy phép bán lẻ sản phẩm thuốc lá", 3, .wd(10), fee: ("Phí thẩm định điều kiện kinh doanh", 200_000)),
        k("CN", .district, "Cấp Giấy phép bán lẻ rượu", 3, .wd(10), fee: ("Phí thẩm định điều kiện kinh doanh", 200_000)),
        k("CN", .district, "Cấp Giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh", 3, .wd(10), fee: ("Phí thẩm định điều kiện kinh doanh", 200_000)),

        // Văn hóa.
        k("VH", .province, "Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa", 4, .wd(10), fee: ("Phí thẩm định cấp giấy phép kinh doanh dịch vụ lữ hành", 3_000_000)),
        k("VH", .district, "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", 3, .wd(5), fee: ("Phí thẩm định cấp giấy phép", 2_000_000)),
        k("VH", .commune, "Xét tặng danh hiệu Gia đình văn hóa hằng năm", 2, .wd(5)),
        k("VH", .commune, "Thông báo tổ chức lễ hội cấp xã", 2, .wd(5)),
        k("VH", .commune, "Đăng ký tổ chức lễ hội cấp xã", 2, .cd(15)),

        // Nội vụ.
        k("NV", .province, "Thành lập hội", 2, .cd(30)),
        k("NV", .province, "Phê duyệt điều lệ hội", 2, .cd(30)),
        k("NV", .district, "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện về thành tích thực hiện nhiệm vụ chính trị", 2, .wd(20)),
        k("NV", .commune, "Đăng ký hoạt động tín ngưỡng", 2, .cd(15)),
        k("NV", .commune, "Đăng ký sinh hoạt tôn giáo tập trung", 2, .cd(20)),
        k("NV", .commune, "Thông báo tổ chức quyên góp trong địa bàn một xã của cơ sở tín ngưỡng, tổ chức tôn giáo, tổ chức tôn giáo trực thuộc",
          2, .wd(5)),
        k("NV", .commune, "Xét tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã về thành tích thực hiện nhiệm vụ chính trị", 2, .wd(20)),

        // Tài chính.
        k("TC", .province, "Đăng ký mã số đơn vị có quan hệ với ngân sách", 4, .wd(2), paper: false),
        k("TC", .province, "Thẩm tra, phê duyệt quyết toán dự án hoàn thành sử dụng vốn nhà nước", 2, .m(4)),
        k("TC", .commune, "Thẩm tra, phê duyệt quyết toán dự án hoàn thành thuộc cấp xã quản lý", 2, .m(2)),
    ]

    private static func k(
        _ field: String, _ level: ImplementingLevel, _ name: String, _ onlineLevel: Int, _ deadline: LegalDeadline,
        fee: (name: String, amount: Int64)? = nil, paper: Bool = true
    ) -> DemoKnownProcedure {
        DemoKnownProcedure(
            field: field, level: level, name: name, onlineLevel: OnlineServiceLevel(rawValue: onlineLevel) ?? .informationOnly,
            deadline: deadline, fees: fee.map { [Fee(name: $0.name, amountVND: $0.amount)] } ?? [], issuesPaperResult: paper)
    }
}
