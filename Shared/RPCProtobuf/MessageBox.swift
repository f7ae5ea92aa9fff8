/// Keeps a message on the heap, so that a message type can contain itself, directly or through
/// other messages (`message Node { Node child = 1; }`).
///
/// The generator stores such fields as `MessageBox<T>?` behind a computed property. The box is
/// immutable: every write replaces it, so the containing struct keeps value semantics.
final class MessageBox<Value: Hashable & Sendable>: Hashable, Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }

    static func == (lhs: MessageBox, rhs: MessageBox) -> Bool {
        lhs === rhs || lhs.value == rhs.value
    }

    func hash(into hasher: inout Hasher) {
        self.value.hash(into: &hasher)
    }
}
