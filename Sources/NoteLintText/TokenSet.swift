/// A set of token hashes with open addressing.
///
/// Token hashes are already well-mixed FNV-1a values, so unlike `Set<UInt64>` (which runs SipHash
/// on every look-up) a probe here is a mask, a compare and, rarely, a step: this is the inner loop
/// of every lexicon and word-list look-up.
public struct TokenSet: Sendable, ExpressibleByArrayLiteral, Equatable {
  /// Slots hold `key &+ 1`-shifted keys so that 0 marks an empty slot (see `stored`).
  /// (Usable from inline code: `contains` is inlined into the rules, in other modules.)
  @usableFromInline private(set) var slots: [UInt64]
  @usableFromInline private(set) var mask: Int
  public private(set) var count: Int = 0
  /// Whether the key that maps to the empty marker is in the set.
  @usableFromInline private(set) var hasZeroKey = false

  public init() {
    slots = [UInt64](repeating: 0, count: 8)
    mask = 7
  }

  public init<S: Sequence>(_ elements: S) where S.Element == UInt64 {
    self.init()
    for element in elements { insert(element) }
  }

  public init(arrayLiteral elements: UInt64...) {
    self.init(elements)
  }

  public var isEmpty: Bool { count == 0 }

  @inlinable @inline(__always)
  static func slot(_ key: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: key ^ (key >> 32)) & mask
  }

  @inlinable @inline(__always)
  public func contains(_ key: UInt64) -> Bool {
    if key == 0 { return hasZeroKey }
    var index = Self.slot(key, mask: mask)
    while true {
      let slot = slots[index]
      if slot == key { return true }
      if slot == 0 { return false }
      index = (index + 1) & mask
    }
  }

  @discardableResult
  public mutating func insert(_ key: UInt64) -> (inserted: Bool, memberAfterInsert: UInt64) {
    if key == 0 {
      defer { hasZeroKey = true }
      if hasZeroKey { return (false, key) }
      count += 1
      return (true, key)
    }
    if (count + 1) * 2 > slots.count { grow() }
    var index = Self.slot(key, mask: mask)
    while true {
      let slot = slots[index]
      if slot == key { return (false, key) }
      if slot == 0 {
        slots[index] = key
        count += 1
        return (true, key)
      }
      index = (index + 1) & mask
    }
  }

  public mutating func formUnion<S: Sequence>(_ other: S) where S.Element == UInt64 {
    for element in other { insert(element) }
  }

  /// Adds every key of another set.
  public mutating func formUnion(_ other: TokenSet) {
    if other.hasZeroKey { insert(0) }
    for key in other.slots where key != 0 { insert(key) }
  }

  private mutating func grow() {
    let old = slots
    slots = [UInt64](repeating: 0, count: old.count * 2)
    mask = slots.count - 1
    for key in old where key != 0 {
      var index = Self.slot(key, mask: mask)
      while slots[index] != 0 { index = (index + 1) & mask }
      slots[index] = key
    }
  }

  public static func == (lhs: TokenSet, rhs: TokenSet) -> Bool {
    lhs.count == rhs.count && lhs.hasZeroKey == rhs.hasZeroKey && lhs.slots.allSatisfy { $0 == 0 || rhs.contains($0) }
  }
}

/// Token hash → a list of integers (phrase indices), built once, probed like `TokenSet`.
public struct TokenIndex: Sendable {
  private(set) var keys: [UInt64]
  /// Per slot: where its values start in `values` and how many (0: empty slot).
  private(set) var starts: [Int32]
  private(set) var counts: [Int32]
  private var mask: Int
  public private(set) var values: [Int32]

  /// An index from its slots (a compiled file); nil when they do not fit together.
  init?(keys: [UInt64], starts: [Int32], counts: [Int32], values: [Int32]) {
    let size = keys.count
    guard size >= 8, size & (size - 1) == 0, starts.count == size, counts.count == size, counts.contains(0)
    else { return nil }
    for slot in 0..<size {
      let start = Int(starts[slot])
      let count = Int(counts[slot])
      guard start >= 0, count >= 0, start + count <= values.count else { return nil }
    }
    self.keys = keys
    self.starts = starts
    self.counts = counts
    self.values = values
    mask = keys.count - 1
  }

  /// `groups` in the order given: each key's values keep their order.
  public init(_ groups: [(key: UInt64, values: [Int])]) {
    var size = 8
    while size < groups.count * 2 { size *= 2 }
    keys = [UInt64](repeating: 0, count: size)
    starts = [Int32](repeating: 0, count: size)
    counts = [Int32](repeating: 0, count: size)
    mask = size - 1
    values = []
    for group in groups where !group.values.isEmpty {
      var index = TokenSet.slot(group.key, mask: mask)
      while counts[index] != 0 && keys[index] != group.key { index = (index + 1) & mask }
      precondition(counts[index] == 0, "duplicate key in TokenIndex")
      keys[index] = group.key
      starts[index] = Int32(values.count)
      counts[index] = Int32(group.values.count)
      values.append(contentsOf: group.values.map { Int32($0) })
    }
  }

  /// The range of `values` listed under `key` (empty when none).
  @inline(__always)
  public func lookup(_ key: UInt64) -> Range<Int> {
    var index = TokenSet.slot(key, mask: mask)
    while true {
      let count = Int(counts[index])
      if count == 0 { return 0..<0 }
      if keys[index] == key {
        let start = Int(starts[index])
        return start..<start + count
      }
      index = (index + 1) & mask
    }
  }
}

/// Token hash → a 64-bit mask, built once, probed like `TokenSet`; absent keys map to 0.
public struct TokenMaskMap: Sendable {
  private var keys: [UInt64]
  private var masks: [UInt64]
  private var used: [Bool]
  private var mask: Int

  /// A map from key-bits pairs; the bits of a repeated key are combined (or-ed).
  public init(combining pairs: [(key: UInt64, bits: UInt64)]) {
    var size = 8
    while size < pairs.count * 2 { size *= 2 }
    keys = [UInt64](repeating: 0, count: size)
    masks = [UInt64](repeating: 0, count: size)
    used = [Bool](repeating: false, count: size)
    mask = size - 1
    for (key, bits) in pairs {
      var index = TokenSet.slot(key, mask: mask)
      while used[index], keys[index] != key { index = (index + 1) & mask }
      used[index] = true
      keys[index] = key
      masks[index] |= bits
    }
  }

  @inline(__always)
  public subscript(key: UInt64) -> UInt64 {
    var index = TokenSet.slot(key, mask: mask)
    while used[index] {
      if keys[index] == key { return masks[index] }
      index = (index + 1) & mask
    }
    return 0
  }
}
