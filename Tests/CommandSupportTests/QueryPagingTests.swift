import SluiceCommandSupport
import SluiceGenerated
import Testing

@Suite("QueryPaging")
struct QueryPagingTests {
  func page(_ ids: ClosedRange<Int>, next: String) -> Sluice_V1_QueryEventsResponse {
    var response = Sluice_V1_QueryEventsResponse()
    response.events = ids.map { index in
      var event = Sluice_V1_Event()
      event.id = "\(index)"
      return event
    }
    response.nextPageToken = next
    return response
  }

  var base: Sluice_V1_QueryEventsRequest {
    var request = Sluice_V1_QueryEventsRequest()
    request.stream = "o"
    request.pageToken = "stale"
    return request
  }

  @Test func followsTokensUntilTheLastPage() throws {
    var paging = QueryPaging(request: base, limit: nil, pageSize: 3)
    let firstRequest = paging.nextRequest()
    let first = try #require(firstRequest)
    #expect(first.limit == 3 && first.pageToken.isEmpty && first.stream == "o")
    #expect(paging.take(page(1...3, next: "t1")).count == 3)
    let secondRequest = paging.nextRequest()
    let second = try #require(secondRequest)
    #expect(second.pageToken == "t1")
    #expect(paging.take(page(4...5, next: "")).map(\.id) == ["4", "5"])
    #expect(paging.nextRequest() == nil)
    #expect(paging.taken == 5 && paging.pages == 2)
  }

  @Test func stopsAtTheLimitAndAsksOnlyForWhatIsLeft() throws {
    var paging = QueryPaging(request: base, limit: 5, pageSize: 3)
    #expect(paging.nextRequest()?.limit == 3)
    _ = paging.take(page(1...3, next: "t1"))
    #expect(paging.nextRequest()?.limit == 2)
    // A server answering more than asked still yields only the limit.
    #expect(paging.take(page(4...6, next: "t2")).map(\.id) == ["4", "5"])
    #expect(paging.nextRequest() == nil)
  }

  @Test func pageSizeIsClamped() {
    #expect(QueryPaging(request: base, limit: nil, pageSize: 5_000).pageSize == 1_000)
    #expect(QueryPaging(request: base, limit: nil, pageSize: 0).pageSize == 1)
    var none = QueryPaging(request: base, limit: 0)
    #expect(none.nextRequest() == nil)
  }
}
