@main
struct StatisticsBench { static func main() {} }
