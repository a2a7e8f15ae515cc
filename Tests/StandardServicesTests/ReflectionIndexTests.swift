import SluiceGenerated
import SluiceRuntime
import SluiceStandardServices
import Testing

@Suite struct ReflectionIndexTests {
  let shop: ReflectionIndex
  let generated: ReflectionIndex

  init() throws {
    shop = try ReflectionIndex(services: [ShopSchema.service])
    generated = try ReflectionIndex(
      services: [
        Grpc_Testing_TestService.descriptor, Grpc_Health_V1_Health.descriptor,
      ] + ServerReflection.serviceDescriptors)
  }

  @Test func listsServicesInOrder() {
    #expect(
      generated.serviceNames == [
        "grpc.testing.TestService", "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection",
      ])
  }

  @Test func servicesNamedTwiceAndSharedFilesCountOnce() throws {
    let index = try ReflectionIndex(
      services: [
        Grpc_Testing_TestService.descriptor, Grpc_Testing_UnimplementedService.descriptor,
        Grpc_Testing_TestService.descriptor,
      ])
    #expect(index.serviceNames == ["grpc.testing.TestService", "grpc.testing.UnimplementedService"])
    #expect(
      index.fileNames == [
        "grpc/testing/test.proto", "grpc/testing/empty.proto", "grpc/testing/messages.proto",
      ])
  }

  @Test func fileByNameComesFirstWithItsTransitiveImportsOnce() throws {
    #expect(
      try DescriptorBytes.fileNames(of: shop.files(named: "shop/v1/order.proto")) == [
        "shop/v1/order.proto", "shop/v1/money.proto", "shop/v1/common.proto",
      ])
    #expect(
      try DescriptorBytes.fileNames(of: shop.files(named: "shop/v1/money.proto")) == [
        "shop/v1/money.proto", "shop/v1/common.proto",
      ])
    #expect(shop.files(named: "shop/v1/common.proto") == [ShopSchema.common])
    #expect(
      try DescriptorBytes.fileNames(of: generated.files(named: "grpc/testing/test.proto")) == [
        "grpc/testing/test.proto", "grpc/testing/empty.proto", "grpc/testing/messages.proto",
      ])
  }

  @Test func answersTheBytesTheServicesBrought() {
    #expect(shop.files(named: "shop/v1/order.proto")?.first == ShopSchema.order)
    #expect(
      generated.files(named: "grpc/health/v1/health.proto")
        == [Grpc_Health_V1_Health_ProtoFile.descriptorBytes])
  }

  @Test(arguments: [
    // Services and methods.
    ("shop.v1.OrderService", "shop/v1/order.proto"),
    ("shop.v1.OrderService.Cancel", "shop/v1/order.proto"),
    // Messages, nested messages (map entries too), fields, oneofs.
    ("shop.v1.Order", "shop/v1/order.proto"),
    ("shop.v1.Order.Item", "shop/v1/order.proto"),
    ("shop.v1.Order.LabelsEntry", "shop/v1/order.proto"),
    ("shop.v1.Order.LabelsEntry.value", "shop/v1/order.proto"),
    ("shop.v1.Order.id", "shop/v1/order.proto"),
    ("shop.v1.Order.Item.sku", "shop/v1/order.proto"),
    ("shop.v1.Order.payment", "shop/v1/order.proto"),
    // Enums, nested enums, and their values beside them.
    ("shop.v1.Currency", "shop/v1/order.proto"),
    ("shop.v1.CURRENCY_EUR", "shop/v1/order.proto"),
    ("shop.v1.Order.State", "shop/v1/order.proto"),
    ("shop.v1.Order.STATE_OPEN", "shop/v1/order.proto"),
    ("shop.v1.Order.Item.Size", "shop/v1/order.proto"),
    ("shop.v1.Order.Item.SIZE_LARGE", "shop/v1/order.proto"),
    // Extensions, at file level and nested.
    ("shop.v1.priority", "shop/v1/order.proto"),
    ("shop.v1.Order.note", "shop/v1/order.proto"),
    // Other files.
    ("shop.v1.Money", "shop/v1/money.proto"),
    ("shop.v1.Empty", "shop/v1/common.proto"),
  ])
  func findsTheFileDeclaringASymbol(symbol: String, file: String) throws {
    let names = try DescriptorBytes.fileNames(of: shop.files(containingSymbol: symbol))
    #expect(names?.first == file)
    #expect(try names == DescriptorBytes.fileNames(of: shop.files(named: file)))
  }

  @Test(arguments: [
    ("grpc.testing.TestService", "grpc/testing/test.proto"),
    ("grpc.testing.TestService.FullDuplexCall", "grpc/testing/test.proto"),
    ("grpc.testing.UnimplementedService", "grpc/testing/test.proto"),
    ("grpc.testing.Empty", "grpc/testing/empty.proto"),
    ("grpc.testing.SimpleRequest", "grpc/testing/messages.proto"),
    ("grpc.testing.SimpleRequest.response_size", "grpc/testing/messages.proto"),
    ("grpc.testing.PayloadType", "grpc/testing/messages.proto"),
    ("grpc.testing.COMPRESSABLE", "grpc/testing/messages.proto"),
    ("grpc.health.v1.HealthCheckResponse.ServingStatus", "grpc/health/v1/health.proto"),
    ("grpc.health.v1.HealthCheckResponse.SERVICE_UNKNOWN", "grpc/health/v1/health.proto"),
    ("grpc.health.v1.Health.Watch", "grpc/health/v1/health.proto"),
    (
      "grpc.reflection.v1.ServerReflectionRequest.message_request",
      "grpc/reflection/v1/reflection.proto"
    ),
    ("grpc.reflection.v1alpha.ServerReflection", "grpc/reflection/v1alpha/reflection.proto"),
  ])
  func findsSymbolsOfTheGeneratedSchemas(symbol: String, file: String) throws {
    let names = try DescriptorBytes.fileNames(of: generated.files(containingSymbol: symbol))
    #expect(names?.first == file)
  }

  @Test(arguments: [
    "grpc.testing.Nope", "grpc.testing", "grpc", "", ".grpc.testing.TestService",
    "TestService", "grpc.testing.TestService.Nope", "grpc.testing.PayloadType.COMPRESSABLE",
    "grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING",
  ])
  func unknownSymbolsAndFilesAreNotFound(name: String) {
    #expect(generated.files(containingSymbol: name) == nil)
    #expect(generated.files(named: name) == nil)
  }

  @Test func extensionsAreFoundByTypeAndNumber() throws {
    #expect(
      try DescriptorBytes.fileNames(of: shop.files(containingExtension: 100, of: "shop.v1.Order"))?
        .first == "shop/v1/order.proto")
    #expect(shop.files(containingExtension: 101, of: "shop.v1.Order") != nil)
    #expect(shop.files(containingExtension: 102, of: "shop.v1.Order") == nil)
    #expect(shop.files(containingExtension: 100, of: "shop.v1.Money") == nil)
    #expect(shop.files(containingExtension: 100, of: ".shop.v1.Order") == nil)
    #expect(shop.extensionNumbers(of: "shop.v1.Order") == [100, 101])
    #expect(shop.extensionNumbers(of: "shop.v1.Order.Item") == [])
    #expect(shop.extensionNumbers(of: "shop.v1.Currency") == nil)
    #expect(shop.extensionNumbers(of: "shop.v1.Nope") == nil)
    #expect(generated.extensionNumbers(of: "grpc.testing.SimpleRequest") == [])
  }

  @Test func malformedDescriptorsAreRejected() {
    let truncated = ServiceDescriptor(
      fullName: "echo.v1.Echo", methods: [], fileDescriptorProtos: [[0x0a, 0x12]])
    #expect(
      throws: ReflectionIndexError.malformedDescriptor(
        service: "echo.v1.Echo", reason: .lengthOutOfRange)
    ) {
      try ReflectionIndex(services: [truncated])
    }
    let nameless = ServiceDescriptor(
      fullName: "echo.v1.Echo", methods: [], fileDescriptorProtos: [[0x12, 0x01, 0x61]])
    #expect(
      throws: ReflectionIndexError.malformedDescriptor(service: "echo.v1.Echo", reason: nil)
    ) {
      try ReflectionIndex(services: [nameless])
    }
  }

  @Test func missingImportsAreRejected() {
    let partial = ServiceDescriptor(
      fullName: "shop.v1.OrderService", methods: [],
      fileDescriptorProtos: [ShopSchema.order, ShopSchema.money])
    #expect(
      throws: ReflectionIndexError.missingDependency(
        file: "shop/v1/order.proto", dependency: "shop/v1/common.proto")
    ) {
      try ReflectionIndex(services: [partial])
    }
  }

  @Test func conflictingFilesAndDeclarationsAreRejected() {
    let otherCommon = DescriptorBytes.file("shop/v1/common.proto", package: "shop.v2")
    let conflicting = ServiceDescriptor(
      fullName: "shop.v2.Other", methods: [], fileDescriptorProtos: [otherCommon])
    #expect(throws: ReflectionIndexError.conflictingFile("shop/v1/common.proto")) {
      try ReflectionIndex(services: [ShopSchema.service, conflicting])
    }
    let copy = DescriptorBytes.file("shop/v1/copy.proto", package: "shop.v1") { file in
      file.message(4) { $0.string(1, "Money") }
    }
    let duplicating = ServiceDescriptor(
      fullName: "shop.v1.Copy", methods: [], fileDescriptorProtos: [copy])
    #expect(
      throws: ReflectionIndexError.duplicateSymbol(
        "shop.v1.Money", files: ["shop/v1/money.proto", "shop/v1/copy.proto"])
    ) {
      try ReflectionIndex(services: [ShopSchema.service, duplicating])
    }
  }

  @Test func servicesWithoutDescriptorsAreListedOnly() throws {
    let bare = ServiceDescriptor(fullName: "bare.Service", methods: [])
    let index = try ReflectionIndex(services: [bare])
    #expect(index.serviceNames == ["bare.Service"])
    #expect(index.fileNames.isEmpty)
    #expect(index.files(containingSymbol: "bare.Service") == nil)
  }
}
