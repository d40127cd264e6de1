import Glibc

/// UTF-8 to GB18030 through glibc's iconv. GB18030 covers all of Unicode, so a failure
/// means a bug here, and is thrown rather than papered over with a lossy conversion.
final class GB18030Encoder {
    private let handle: iconv_t

    init() {
        handle = iconv_open("GB18030", "UTF-8")
        precondition(Int(bitPattern: handle) != -1, "iconv cannot convert UTF-8 to GB18030 on this machine")
    }

    deinit { iconv_close(handle) }

    /// Converts complete UTF-8 text (callers pass whole rows, never a split character).
    func encode(_ input: [UInt8]) throws -> [UInt8] {
        if input.isEmpty { return [] }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var source = input
        let written: Int = try source.withUnsafeMutableBufferPointer { sourceBuffer in
            try output.withUnsafeMutableBufferPointer { targetBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(sourceBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = sourceBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(targetBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = targetBuffer.count
                iconv(handle, nil, nil, nil, nil)
                if iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                    throw GeneratorError.encoding(offset: sourceBuffer.count - inLeft, errno: errno)
                }
                return targetBuffer.count - outLeft
            }
        }
        output.removeSubrange(written...)
        return output
    }
}

enum GeneratorError: Error, CustomStringConvertible {
    case encoding(offset: Int, errno: Int32)
    case io(path: String, errno: Int32)
    case badArgument(String)

    var description: String {
        switch self {
        case .encoding(let offset, let code): "GB18030 conversion failed at byte \(offset) of a row (errno \(code))"
        case .io(let path, let code): "cannot write \(path): \(String(cString: strerror(code)))"
        case .badArgument(let message): message
        }
    }
}
