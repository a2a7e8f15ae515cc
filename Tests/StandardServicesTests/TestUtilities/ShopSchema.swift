import SluiceRuntime

/// A hand-built schema of three files, `shop/v1/order.proto` importing
/// `shop/v1/money.proto` and `shop/v1/common.proto`, where money imports common too:
///
/// ```proto
/// // shop/v1/order.proto
/// package shop.v1;
/// message Order {
///   string id = 1;
///   oneof payment { string card = 2; }
///   map<string, string> labels = 3;          // nested LabelsEntry
///   message Item {
///     string sku = 1;
///     enum Size { SIZE_SMALL = 0; SIZE_LARGE = 1; }
///   }
///   enum State { STATE_OPEN = 0; }
///   extend Order { string note = 101; }      // a nested extension
/// }
/// enum Currency { CURRENCY_EUR = 0; }
/// service OrderService { rpc Place(Order) returns (Order); rpc Cancel(Order) returns (Order); }
/// extend Order { int32 priority = 100; }     // a file-level extension
/// ```
enum ShopSchema {
  static let common = DescriptorBytes.file("shop/v1/common.proto", package: "shop.v1") { file in
    file.message(4) { $0.string(1, "Empty") }
  }

  static let money = DescriptorBytes.file(
    "shop/v1/money.proto", package: "shop.v1", imports: ["shop/v1/common.proto"]
  ) { file in
    file.message(4) { $0.string(1, "Money") }
  }

  static let order = DescriptorBytes.file(
    "shop/v1/order.proto", package: "shop.v1",
    imports: ["shop/v1/money.proto", "shop/v1/common.proto"]
  ) { file in
    file.message(4) { order in
      order.string(1, "Order")
      order.message(2, DescriptorBytes.field("id", number: 1))
      order.message(2, DescriptorBytes.field("card", number: 2))
      order.message(2, DescriptorBytes.field("labels", number: 3))
      order.message(3) { entry in
        entry.string(1, "LabelsEntry")
        entry.message(2, DescriptorBytes.field("key", number: 1))
        entry.message(2, DescriptorBytes.field("value", number: 2))
      }
      order.message(3) { item in
        item.string(1, "Item")
        item.message(2, DescriptorBytes.field("sku", number: 1))
        item.message(4) { size in
          size.string(1, "Size")
          size.message(2) { $0.string(1, "SIZE_SMALL") }
          size.message(2) { $0.string(1, "SIZE_LARGE"); $0.int32(2, 1) }
        }
      }
      order.message(4) { state in
        state.string(1, "State")
        state.message(2) { $0.string(1, "STATE_OPEN") }
      }
      order.message(6, DescriptorBytes.field("note", number: 101, extendee: ".shop.v1.Order"))
      order.message(8) { $0.string(1, "payment") }
    }
    file.message(5) { currency in
      currency.string(1, "Currency")
      currency.message(2) { $0.string(1, "CURRENCY_EUR") }
    }
    file.message(6) { service in
      service.string(1, "OrderService")
      service.message(2) { $0.string(1, "Place") }
      service.message(2) { $0.string(1, "Cancel") }
    }
    file.message(7, DescriptorBytes.field("priority", number: 100, extendee: ".shop.v1.Order"))
  }

  /// `shop.v1.OrderService`, bringing all three files.
  static let service = ServiceDescriptor(
    fullName: "shop.v1.OrderService", methods: [], fileDescriptorProtos: [order, money, common])
}
