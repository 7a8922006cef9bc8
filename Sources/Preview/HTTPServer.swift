#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A response of the preview server.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var reason: String
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, reason: String, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
    }

    /// A short plain-text response (errors).
    public static func text(_ status: Int, _ reason: String, _ text: String, headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, reason: reason, headers: [("Content-Type", "text/plain; charset=utf-8")] + headers, body: Array(text.utf8))
    }
}

/// Why the server could not start.
public enum ServerStartError: Error, Equatable {
    /// Another program listens on the port.
    case portInUse(Int)
    /// `--host` is not an IPv4 or IPv6 address.
    case badHost(String)
    /// Any other failure of socket, bind or listen (errno).
    case system(String, Int32)
}

/// A small HTTP/1.1 server for the local preview: GET and HEAD only, one request per
/// connection (`Connection: close`), a thread per connection up to a bound, request heads
/// of at most 16 KB read within 10 seconds. `/_events` connections stay open and are handed
/// to an ``EventHub``.
///
/// Hand-written on POSIX sockets rather than on SwiftNIO/Hummingbird: the preview needs a
/// few hundred lines of it, and the dependency would add swift-nio's build to every clean
/// build of zhinan (see the note in README.md).
public final class HTTPServer: @unchecked Sendable {
    public typealias Handler = @Sendable (_ method: String, _ target: String) -> Reply

    /// What the handler answers.
    public enum Reply: Sendable {
        case response(HTTPResponse)
        /// Keep the connection open as an event stream, registered with `hub`.
        case events(EventHub, first: String)
    }

    private let fd: Int32
    /// The port bound (useful when 0 was asked for).
    public let port: Int
    private let handler: Handler
    private let slots = DispatchSemaphore(value: 64)

    /// Binds `host:port` and listens; call ``run()`` to serve.
    public init(host: String, port: Int, handler: @escaping Handler) throws(ServerStartError) {
        self.handler = handler
        var v4 = in_addr(), v6 = in6_addr()
        let isV6: Bool
        if inet_pton(AF_INET, host, &v4) == 1 {
            isV6 = false
        } else if inet_pton(AF_INET6, host, &v6) == 1 {
            isV6 = true
        } else {
            throw .badHost(host)
        }
        #if canImport(Glibc)
        let stream = Int32(SOCK_STREAM.rawValue)
        #else
        let stream = SOCK_STREAM
        #endif
        let s = socket(isV6 ? AF_INET6 : AF_INET, stream | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard s >= 0 else { throw .system("socket", errno) }
        var one: Int32 = 1
        setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound: Int32
        if isV6 {
            var a = sockaddr_in6()
            a.sin6_family = sa_family_t(AF_INET6)
            a.sin6_port = in_port_t(UInt16(port).bigEndian)
            a.sin6_addr = v6
            bound = withUnsafePointer(to: &a) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
        } else {
            var a = sockaddr_in()
            a.sin_family = sa_family_t(AF_INET)
            a.sin_port = in_port_t(UInt16(port).bigEndian)
            a.sin_addr = v4
            bound = withUnsafePointer(to: &a) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        }
        if bound != 0 {
            let e = errno
            close(s)
            if e == EADDRINUSE { throw .portInUse(port) }
            throw .system("bind", e)
        }
        guard listen(s, 128) == 0 else {
            let e = errno
            close(s)
            throw .system("listen", e)
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &length) } }
        let actual = withUnsafePointer(to: &storage) { p -> UInt16 in
            isV6 ? p.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_port }
                 : p.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_port }
        }
        fd = s
        self.port = Int(UInt16(bigEndian: actual))
    }

    /// Accepts connections on the calling thread, each served on a thread of its own, until
    /// the process ends.
    public func run() {
        while true {
            let c = accept(fd, nil, nil)
            if c >= 0 { _ = fcntl(c, F_SETFD, FD_CLOEXEC) }
            if c < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                // Out of descriptors or memory: wait a moment rather than spin.
                usleep(50_000)
                continue
            }
            // Beyond the bound, a connection waits for a slot.
            slots.wait()
            let thread = Thread { [self] in
                serve(c)
                slots.signal()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    private func serve(_ c: Int32) {
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let (method, target) = Self.readHead(c) else {
            Self.send(c, HTTPResponse.text(400, "Bad Request", "bad request\n"), head: false)
            close(c)
            return
        }
        switch handler(method, target) {
        case .response(let response):
            Self.send(c, response, head: method == "HEAD")
            close(c)
        case .events(let hub, let first):
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
            guard Self.write(c, Array(head.utf8)), method != "HEAD", Self.write(c, Array(first.utf8)) else {
                close(c)
                return
            }
            // The hub writes to it; here we wait for the browser to go away.
            var idle = timeval(tv_sec: 0, tv_usec: 0)
            setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &idle, socklen_t(MemoryLayout<timeval>.size))
            hub.add(c)
            var scratch = [UInt8](repeating: 0, count: 512)
            while true {
                let n = read(c, &scratch, scratch.count)
                if n > 0 || (n < 0 && errno == EINTR) { continue }
                break
            }
            hub.remove(c)
            close(c)
        }
    }

    /// The method and target of the request line, once the whole head (up to the blank
    /// line) has arrived; nil for a malformed, oversized (16 KB) or late head.
    static func readHead(_ c: Int32) -> (String, String)? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        while buffer.count < 16 * 1024 {
            let n = read(c, &chunk, chunk.count)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            buffer += chunk[..<n]
            if let line = requestLine(buffer, end: end) { return line }
        }
        return nil
    }

    private static func requestLine(_ buffer: [UInt8], end: [UInt8]) -> (String, String)? {
        guard buffer.count >= 4, (0...(buffer.count - 4)).contains(where: { buffer[$0..<$0 + 4].elementsEqual(end) }),
              let lineEnd = buffer.firstIndex(of: UInt8(ascii: "\r"))
        else { return nil }
        let parts = buffer[..<lineEnd].split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].starts(with: Array("HTTP/1.".utf8)), !parts[0].isEmpty else { return nil }
        return (String(decoding: parts[0], as: UTF8.self), String(decoding: parts[1], as: UTF8.self))
    }

    static func send(_ c: Int32, _ r: HTTPResponse, head: Bool) {
        var text = "HTTP/1.1 \(r.status) \(r.reason)\r\n"
        for (k, v) in r.headers { text += "\(k): \(v)\r\n" }
        text += "Content-Length: \(r.body.count)\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n\r\n"
        guard write(c, Array(text.utf8)), !head else { return }
        _ = write(c, r.body)
    }

    /// Writes all of `bytes`; false when the peer is gone (never SIGPIPE).
    @discardableResult
    static func write(_ c: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(c, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }
}

/// The open `/_events` streams, told when a build has finished.
public final class EventHub: @unchecked Sendable {
    private let lock = NSLock()
    private var sockets: Set<Int32> = []

    public init() {}

    func add(_ c: Int32) {
        lock.lock()
        sockets.insert(c)
        lock.unlock()
    }

    func remove(_ c: Int32) {
        lock.lock()
        sockets.remove(c)
        lock.unlock()
    }

    /// How many pages are listening.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return sockets.count
    }

    /// Sends `data` as one event to every stream (the lock keeps a stream from being closed
    /// while it is written to).
    public func broadcast(_ data: String) {
        let bytes = Array(Self.event(data).utf8)
        lock.lock()
        for c in sockets {
            // A stream that cannot take it within the send timeout is left for its reader to close.
            _ = HTTPServer.write(c, bytes)
        }
        lock.unlock()
    }

    /// One Server-Sent Event carrying `data` (one line).
    public static func event(_ data: String) -> String {
        "data: \(data.filter { $0 != "\n" && $0 != "\r" })\n\n"
    }
}
