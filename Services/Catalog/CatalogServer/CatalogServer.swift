@main
struct CatalogServer { static func main() {} }
