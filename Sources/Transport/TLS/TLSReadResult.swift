/// What `TLSConnection.readPlaintext(into:)` produced.
public enum TLSReadResult: Sendable, Hashable {
  /// This many plaintext bytes were written to the front of the buffer.
  case bytes(Int)
  /// Nothing more can be decrypted until more ciphertext arrives.
  case needsMoreCiphertext
  /// The peer sent close_notify: no more data will come.
  case closed
}
