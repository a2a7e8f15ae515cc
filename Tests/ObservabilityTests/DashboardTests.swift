import Foundation
import SluiceObservability
import Testing

@Suite("Grafana dashboard")
struct DashboardTests {
  static let dashboard = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Deploy/grafana/sluice-dashboard.json")

  /// The metric names the dashboard's queries use, without histogram suffixes.
  func chartedMetrics() throws -> Set<String> {
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.dashboard))
    let panels = try #require((json as? [String: Any])?["panels"] as? [[String: Any]])
    var names = Set<String>()
    let pattern = try NSRegularExpression(pattern: "sluice_[a-z_]+")
    for panel in panels {
      for target in panel["targets"] as? [[String: Any]] ?? [] {
        let expr = try #require(target["expr"] as? String)
        for match in pattern.matches(in: expr, range: NSRange(expr.startIndex..., in: expr)) {
          var name = String(expr[Range(match.range, in: expr)!])
          for suffix in ["_bucket", "_count", "_sum"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
          }
          names.insert(name)
        }
      }
    }
    return names
  }

  @Test func chartsExactlyTheExportedMetrics() throws {
    let charted = try chartedMetrics()
    #expect(charted.subtracting(MetricNames.all).isEmpty, "charted but never exported")
    #expect(Set(MetricNames.all).subtracting(charted).isEmpty, "exported but not charted")
  }
}
