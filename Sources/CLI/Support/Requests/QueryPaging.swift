public import SluiceGenerated

/// Pages through `QueryEvents`: asks for pages of at most ``pageSize`` events, follows
/// `next_page_token`, and stops at the page without one or once ``limit`` events were
/// taken.
///
/// ```swift
/// var paging = QueryPaging(request: request, limit: 250, pageSize: 100)
/// while let page = paging.nextRequest() {
///   for event in paging.take(try await client.queryEvents(page)) { print(event) }
/// }
/// ```
public struct QueryPaging: Sendable {
  /// Most events a page may hold (the server's limit).
  public static let maxPageSize = 1_000

  /// The most events to take; nil takes every matching event.
  public let limit: Int?
  /// Events asked for per page.
  public let pageSize: Int
  /// Events taken so far.
  public private(set) var taken = 0
  /// Pages asked for so far.
  public private(set) var pages = 0

  private var request: Sluice_V1_QueryEventsRequest
  private var isDone = false

  /// Paging over `request` (its `limit` and `page_token` are set here); `pageSize` is
  /// clamped to 1...``maxPageSize``.
  public init(request: Sluice_V1_QueryEventsRequest, limit: Int?, pageSize: Int = maxPageSize) {
    self.request = request
    self.request.pageToken = ""
    self.limit = limit.map { max(0, $0) }
    self.pageSize = min(max(1, pageSize), Self.maxPageSize)
    isDone = self.limit == 0
  }

  /// The request for the next page, or nil when paging is done.
  public mutating func nextRequest() -> Sluice_V1_QueryEventsRequest? {
    guard !isDone else { return nil }
    var next = request
    let remaining = limit.map { $0 - taken } ?? pageSize
    next.limit = Int32(min(pageSize, remaining))
    pages += 1
    return next
  }

  /// The events of `response` to output (at most the remaining ``limit``); notes its
  /// page token for the next request.
  public mutating func take(_ response: Sluice_V1_QueryEventsResponse) -> [Sluice_V1_Event] {
    var events = response.events
    if let limit, taken + events.count >= limit {
      events = Array(events.prefix(limit - taken))
      isDone = true
    }
    taken += events.count
    if response.nextPageToken.isEmpty {
      isDone = true
    } else {
      request.pageToken = response.nextPageToken
    }
    return events
  }
}
