import Foundation
import Testing

extension SluiceServiceSuite {
  /// curl through the Connect JSON gateway of a running service.
  @Suite("JSON gateway")
  struct Gateway {
    static let events = """
      {"events":[
        {"stream":"orders","id":"1","source":"/shop","type":"order.created","jsonData":{"total":12.5}},
        {"stream":"orders","id":"2","source":"/shop","type":"order.paid","textData":"paid",
         "time":"2023-11-14T22:13:21Z"}]}
      """

    @Test("Ingest, QueryEvents and GetEvent (GET) with curl; errors as Connect error JSON")
    func curlThroughTheGateway() async throws {
      try await EventTable.withFreshDatabase { database, url in
        try await RunningService.with(RunningService.configuration(databaseURL: url)) { service in
          let ingestURL = service.baseURL + "/sluice.v1.IngestService/Ingest"
          let ingest = try await Curl.post(ingestURL, json: Self.events)
          #expect(ingest.status == 200, "\(ingest.body)")
          let accepted = try ingest.json
          #expect(accepted["accepted"] as? Int == 2)
          let results = accepted["results"] as? [[String: Any]] ?? []
          #expect(results.map { $0["outcome"] as? String } == ["OUTCOME_ACCEPTED", "OUTCOME_ACCEPTED"])
          #expect(results.allSatisfy { Int($0["sequence"] as? String ?? "") ?? 0 > 0 })

          // The retry, over HTTP/2 this time: duplicates, nothing stored twice.
          let retry = try await Curl.post(ingestURL, json: Self.events, ["--http2-prior-knowledge"])
          #expect(retry.status == 200, "\(retry.body)")
          #expect(try retry.json["duplicates"] as? Int == 2)
          #expect(try await EventTable.rowsPerID(database, stream: "orders") == ["1": 1, "2": 1])

          let page = try await Curl.post(
            service.baseURL + "/sluice.v1.QueryService/QueryEvents",
            json: #"{"stream":"orders","order":"ORDER_OLDEST_FIRST"}"#)
          #expect(page.status == 200, "\(page.body)")
          let events = try page.json["events"] as? [[String: Any]] ?? []
          #expect(events.map { $0["id"] as? String } == ["2", "1"])
          #expect((events.last?["jsonData"] as? [String: Any])?["total"] as? Double == 12.5)
          #expect(events.first?["time"] as? String == "2023-11-14T22:13:21Z")

          let getURL = service.baseURL + "/sluice.v1.QueryService/GetEvent"
          let get = try await Curl.run([
            "-G", "--data-urlencode", #"message={"stream":"orders","id":"2"}"#, "-d", "encoding=json",
            "-d", "connect=v1", getURL,
          ])
          #expect(get.status == 200, "\(get.body)")
          let event = try get.json
          #expect(event["id"] as? String == "2" && event["textData"] as? String == "paid")
          #expect(event["sequence"] as? String == (results.last?["sequence"] as? String))

          let missing = try await Curl.run([
            "-G", "--data-urlencode", #"message={"stream":"orders","id":"nope"}"#, "-d", "encoding=json",
            "-d", "connect=v1", getURL,
          ])
          #expect(missing.status == 404, "\(missing.body)")
          #expect(try missing.json["code"] as? String == "not_found")

          let malformed = try await Curl.post(ingestURL, json: #"{"events": [ {"stream": }"#)
          #expect(malformed.status == 400, "\(malformed.body)")
          #expect(try malformed.json["code"] as? String == "invalid_argument")

          let atomic = try await Curl.post(
            ingestURL,
            json: #"{"atomic":true,"events":[{"stream":"orders","id":"3","source":"/shop","type":"t"},"#
              + #"{"stream":"orders","id":"4"}]}"#)
          #expect(atomic.status == 400, "\(atomic.body)")
          let refusal = try atomic.json
          #expect(refusal["code"] as? String == "invalid_argument")
          let details = refusal["details"] as? [[String: Any]] ?? []
          #expect(details.first?["type"] as? String == "sluice.v1.IngestResponse", "\(atomic.body)")
          #expect(try await EventTable.rowCount(database) == 2)
        }
      }
    }
  }
}
