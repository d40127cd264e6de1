#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Equal bytes. Keys in this project are normalised before they are compared, so bytes
    /// and characters agree; `String`'s own `==` and `<` normalise non-ASCII text on every call,
    /// and `utf8.elementsEqual` walks the view byte by byte: both showed in profiles.
    public func hasSameUTF8(as other: String) -> Bool {
        var a = self, b = other
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }

    /// Feeds the bytes to `hasher`: the hash that goes with `hasSameUTF8`.
    public func hashUTF8(into hasher: inout Hasher) {
        var text = self
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Byte order, which for normalised text is the order of `String`'s `<`.
    public func utf8Precedes(_ other: String) -> Bool {
        var a = self, b = other
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
    }
}
