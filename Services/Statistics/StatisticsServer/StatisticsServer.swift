@main
struct StatisticsServer { static func main() {} }
