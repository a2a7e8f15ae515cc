import SluiceMariaDB
import Testing

@Suite("MariaDB URLs")
struct URLTests {
  @Test("TCP URL with credentials, several hosts, database and options")
  func tcp() throws {
    let configuration = try MariaDBConfiguration(
      url: "mariadb://app:p%40ss@db1:3307,[::1],db3/events?connect_timeout=2&read_timeout=1.5&write_timeout=9")
    #expect(configuration.user == "app")
    #expect(configuration.password == "p@ss")
    #expect(
      configuration.endpoints == [
        .tcp(host: "db1", port: 3307), .tcp(host: "::1", port: 3306), .tcp(host: "db3", port: 3306),
      ])
    #expect(configuration.database == "events")
    #expect(configuration.connectTimeout == .seconds(2))
    #expect(configuration.readTimeout == .milliseconds(1500))
    #expect(configuration.writeTimeout == .seconds(9))
    #expect(configuration.description == "mariadb://app:***@db1:3307,[::1]:3306,db3:3306/events")
  }

  @Test("unix socket URL, with and without user information")
  func unixSocket() throws {
    let withUser = try MariaDBConfiguration(url: "mariadb+unix://root@/tmp/my%20dir/m.sock?database=sluice")
    #expect(withUser.endpoints == [.unixSocket(path: "/tmp/my dir/m.sock")])
    #expect(withUser.user == "root")
    #expect(withUser.password == nil)
    #expect(withUser.database == "sluice")
    #expect(withUser.description == "mariadb+unix://root@/tmp/my dir/m.sock?database=sluice")

    let bare = try MariaDBConfiguration(url: "mariadb+unix:///run/mysqld/mysqld.sock?user=u&password=p")
    #expect(bare.endpoints == [.unixSocket(path: "/run/mysqld/mysqld.sock")])
    #expect(bare.user == "u")
    #expect(bare.password == "p")
    #expect(bare.database == nil)
  }

  @Test(
    "malformed URLs are rejected",
    arguments: [
      "postgres://h/db", "mariadb://", "mariadb://h:0/db", "mariadb://h:99999/db", "mariadb://h:x/db",
      "mariadb://h/db?bogus=1", "mariadb://h/db?connect_timeout=-1", "mariadb://h/db?database=x",
      "mariadb://[::1/db", "mariadb+unix://host/sock", "mariadb+unix://", "mariadb://h/%zz", "mariadb://h,/db",
      "mariadb://h/db?flag",
    ])
  func malformed(url: String) {
    #expect(throws: MariaDBURLError.self) { try MariaDBConfiguration(url: url) }
  }
}
