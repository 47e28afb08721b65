//! The endpoint's HTTP/1.1 connection layer: accepting connections, reading requests under a
//! deadline, writing responses.
//!
//! It exists so that slow or idle clients cannot starve the others (a "slowloris" attack holds
//! connections open by sending a request a byte at a time). The rules:
//!
//! - A whole request (head and body) must arrive within [`ConnectionLimits::request_timeout`] of
//!   the connection's opening, or of the previous response on a kept-alive connection; a client
//!   that is too slow gets 408 and the connection is closed.
//! - At most [`ConnectionLimits::max_connections`] connections are open at once, one thread
//!   each. A connection is *waiting* while its request has not fully arrived, *busy* while it is
//!   answered. When a new connection finds every place taken, the connection that has been
//!   waiting the longest (at least a second) is closed to make room; when every connection is
//!   busy, the newcomer gets 503.
//! - One client (IP address) may have at most [`ConnectionLimits::max_waiting_per_client`]
//!   connections waiting: beyond that, its own oldest waiting connection is closed first. So a
//!   client that opens hundreds of slow connections mostly competes with itself.
//! - Request heads are at most 64 KiB with at most 100 header fields (431 beyond); bodies at
//!   most [`ConnectionLimits::max_body`] bytes (413, without reading them), with
//!   `Content-Length` or chunked; a request with both is refused (400), as are other transfer
//!   codings (501).
//!
//! Requests are parsed by `httparse` (the parser under hyper); requests and responses are the
//! `http` crate's types as re-exported by oxhttp, which the handlers use.

use oxhttp::model::header::{self, HeaderName, HeaderValue};
use oxhttp::model::{Body, Method, Request, Response, StatusCode, Uri, Version};
use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::net::{IpAddr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// What answers a request.
pub type Handler = dyn Fn(&mut Request<Body>) -> Response<Body> + Send + Sync;

/// Limits of the connection layer (see the module documentation).
#[derive(Debug, Clone)]
pub struct ConnectionLimits {
    /// Most connections open at once.
    pub max_connections: usize,
    /// Most connections one client may have waiting for their request to arrive.
    pub max_waiting_per_client: usize,
    /// Time a request (head and body) has to arrive.
    pub request_timeout: Duration,
    /// Time one write of the response may block (a client that stops reading is dropped).
    pub write_timeout: Duration,
    /// Largest request body, in bytes.
    pub max_body: usize,
}

const MAX_HEAD: usize = 64 * 1024;
const MAX_HEADERS: usize = 100;
const MAX_CHUNK_LINE: u64 = 4096;
/// A waiting connection younger than this is not closed to make room for another.
const GRACE: Duration = Duration::from_secs(1);

/// A server accepting connections; it runs until the process ends.
pub struct Listening {
    address: SocketAddr,
    thread: JoinHandle<()>,
}

impl Listening {
    /// The address it listens on (with the port chosen when the bind address gave port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.address
    }

    /// Waits for the listening thread, i.e. for ever unless it fails.
    pub fn join(self) -> io::Result<()> {
        self.thread
            .join()
            .map_err(|_| io::Error::other("the listening thread panicked"))
    }
}

/// Listens on `bind` and answers every request with `handler`, within `limits`.
pub fn listen(
    bind: SocketAddr,
    limits: ConnectionLimits,
    handler: Arc<Handler>,
) -> io::Result<Listening> {
    let listener = TcpListener::bind(bind)?;
    let address = listener.local_addr()?;
    let table = Arc::new(Mutex::new(Table::default()));
    let thread = thread::Builder::new()
        .name(format!("{address}: listener"))
        .spawn(move || {
            for stream in listener.incoming() {
                match stream {
                    Ok(stream) => admit(stream, &table, &limits, &handler),
                    // Out of file descriptors or similar: let the open connections finish.
                    Err(_) => thread::sleep(Duration::from_millis(50)),
                }
            }
        })?;
    Ok(Listening { address, thread })
}

/// An open connection, as the listener sees it.
struct Open {
    client: IpAddr,
    /// When it began waiting for its current request; `None` while busy.
    waiting_since: Option<Instant>,
    /// A handle to close it from the listener.
    stream: TcpStream,
}

#[derive(Default)]
struct Table {
    next: u64,
    open: HashMap<u64, Open>,
}

impl Table {
    /// The connection waiting longest (and at least [`GRACE`]), of one client or of any.
    fn oldest_waiting(&self, client: Option<IpAddr>, now: Instant) -> Option<u64> {
        self.open
            .iter()
            .filter(|(_, c)| client.is_none_or(|ip| c.client == ip))
            .filter_map(|(id, c)| {
                c.waiting_since
                    .filter(|since| now.duration_since(*since) >= GRACE)
                    .map(|since| (since, *id))
            })
            .min()
            .map(|(_, id)| id)
    }

    fn waiting_of(&self, client: IpAddr) -> usize {
        self.open
            .values()
            .filter(|c| c.client == client && c.waiting_since.is_some())
            .count()
    }

    /// Closes a connection; its thread sees the end of its stream and stops.
    fn close(&mut self, id: u64) {
        if let Some(c) = self.open.remove(&id) {
            let _ = c.stream.shutdown(Shutdown::Both);
        }
    }

    fn set_waiting(&mut self, id: u64, waiting: bool) {
        if let Some(c) = self.open.get_mut(&id) {
            c.waiting_since = waiting.then(Instant::now);
        }
    }
}

fn lock(table: &Mutex<Table>) -> MutexGuard<'_, Table> {
    // A panic while holding the lock leaves the table consistent (every change is one call).
    table
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Takes a new connection in (making room if needed) and starts its thread.
fn admit(
    stream: TcpStream,
    table: &Arc<Mutex<Table>>,
    limits: &ConnectionLimits,
    handler: &Arc<Handler>,
) {
    let Ok(peer) = stream.peer_addr() else {
        return;
    };
    let client = peer.ip();
    let _ = stream.set_nodelay(true);
    let now = Instant::now();
    let mut t = lock(table);
    if t.waiting_of(client) >= limits.max_waiting_per_client.max(1) {
        if let Some(id) = t.oldest_waiting(Some(client), now) {
            t.close(id);
        }
    }
    if t.open.len() >= limits.max_connections.max(1) {
        match t.oldest_waiting(None, now) {
            Some(id) => t.close(id),
            None => {
                drop(t);
                refuse(stream);
                return;
            }
        }
    }
    let Ok(handle) = stream.try_clone() else {
        return;
    };
    let id = t.next;
    t.next += 1;
    t.open.insert(
        id,
        Open {
            client,
            waiting_since: Some(now),
            stream: handle,
        },
    );
    drop(t);
    let (shared, limits, handler) = (Arc::clone(table), limits.clone(), Arc::clone(handler));
    let spawned = thread::Builder::new()
        .name(format!("{peer}: connection"))
        .spawn(move || {
            // Removed from the table however the thread ends, a panic included.
            let _entry = Entry { table: &shared, id };
            serve_connection(stream, id, &shared, &limits, &*handler);
        });
    if spawned.is_err() {
        lock(table).close(id);
    }
}

/// A connection's place in the table, given up when its thread ends.
struct Entry<'a> {
    table: &'a Mutex<Table>,
    id: u64,
}

impl Drop for Entry<'_> {
    fn drop(&mut self) {
        lock(self.table).open.remove(&self.id);
    }
}

/// Answers 503 to a connection there is no room for.
fn refuse(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_millis(200)));
    let message = "the server is busy with other requests: try again shortly\n";
    let _ = write!(
        stream,
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\n\
         retry-after: 1\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{message}",
        message.len()
    );
}

/// A stream whose reads fail once a deadline has passed.
struct Timed {
    stream: TcpStream,
    deadline: Instant,
}

impl Read for Timed {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        self.stream.read(buf).map_err(|e| match e.kind() {
            io::ErrorKind::WouldBlock => io::ErrorKind::TimedOut.into(),
            _ => e,
        })
    }
}

/// A stream whose writes fail once a deadline has passed.
struct TimedWrite<'a> {
    stream: &'a mut TcpStream,
    deadline: Instant,
}

impl Write for TimedWrite<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        self.stream.set_write_timeout(Some(left))?;
        self.stream.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.stream.flush()
    }
}

/// Why a request could not be read: the status to answer with (none when the client is gone
/// or sent nothing) and a message.
struct Refusal {
    status: Option<StatusCode>,
    message: String,
    /// How much of what the client still sends to read and drop after answering.
    drain: u64,
}

/// What is read and dropped after a refusal, unless the refusal says more.
const DRAIN: u64 = 1 << 20;
/// The most of a declared body too large that is read and dropped after the 413.
const DRAIN_TOO_LARGE: u64 = 64 << 20;

impl Refusal {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status: Some(status),
            message: message.into(),
            drain: DRAIN,
        }
    }

    fn silent() -> Self {
        Self {
            status: None,
            message: String::new(),
            drain: 0,
        }
    }

    /// A failed read: 408 for a client too slow, nothing for one that went away.
    fn from_io(error: &io::Error, timeout: Duration) -> Self {
        match error.kind() {
            io::ErrorKind::TimedOut => Self::new(
                StatusCode::REQUEST_TIMEOUT,
                format!(
                    "the request did not arrive within {} s",
                    timeout.as_secs_f64()
                ),
            ),
            _ => Self::silent(),
        }
    }
}

/// Reads requests from one connection and answers them until it closes.
fn serve_connection(
    stream: TcpStream,
    id: u64,
    table: &Mutex<Table>,
    limits: &ConnectionLimits,
    handler: &Handler,
) {
    let (Ok(read_half), Ok(mut write_half)) = (stream.try_clone(), stream.try_clone()) else {
        return;
    };
    let _ = stream.set_write_timeout(Some(limits.write_timeout));
    let mut reader = BufReader::new(Timed {
        stream: read_half,
        deadline: Instant::now() + limits.request_timeout,
    });
    loop {
        reader.get_mut().deadline = Instant::now() + limits.request_timeout;
        lock(table).set_waiting(id, true);
        let mut request = match read_request(&mut reader, &mut write_half, limits) {
            Ok(Some(request)) => request,
            Ok(None) => return,
            Err(refusal) => {
                if let Some(status) = refusal.status {
                    let mut response = plain(status, refusal.message);
                    let _ = write_response(
                        &mut write_half,
                        &mut response,
                        false,
                        false,
                        true,
                        limits.write_timeout,
                    );
                    linger(reader, refusal.drain, limits.request_timeout);
                }
                return;
            }
        };
        lock(table).set_waiting(id, false);
        let keep_alive = keeps_alive(&request);
        let head_only = request.method() == Method::HEAD;
        let mut response = handler(&mut request);
        let http11 = is_http11(&request);
        let keep_alive = keep_alive && (response.body().len().is_some() || http11);
        if write_response(
            &mut write_half,
            &mut response,
            keep_alive,
            head_only,
            http11,
            limits.write_timeout,
        )
        .is_err()
            || !keep_alive
        {
            return;
        }
    }
}

/// Ends a connection whose request was refused unread: closing with unread bytes would reset
/// it and could destroy the answer before the client reads it (simple clients send their whole
/// body before reading), so what the client still sends is read and dropped, up to `bytes` or
/// for at most `time`.
fn linger(reader: BufReader<Timed>, bytes: u64, time: Duration) {
    let mut timed = reader.into_inner();
    let _ = timed.stream.shutdown(Shutdown::Write);
    timed.deadline = Instant::now() + time;
    let _ = io::copy(&mut timed.take(bytes), &mut io::sink());
}

fn is_http11(request: &Request<Body>) -> bool {
    request.version() >= Version::HTTP_11
}

/// Whether the client wants the connection kept after this request (HTTP/1.1 unless it says
/// `close`; HTTP/1.0 only if it says `keep-alive`).
fn keeps_alive(request: &Request<Body>) -> bool {
    let says = |word: &str| {
        request
            .headers()
            .get_all(header::CONNECTION)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .any(|token| token.trim().eq_ignore_ascii_case(word))
    };
    if is_http11(request) {
        !says("close")
    } else {
        says("keep-alive")
    }
}

/// Reads one request; `Ok(None)` when the connection closes (or stays silent) before one starts.
fn read_request(
    reader: &mut BufReader<Timed>,
    writer: &mut TcpStream,
    limits: &ConnectionLimits,
) -> Result<Option<Request<Body>>, Refusal> {
    let Some(head) = read_head(reader, limits.request_timeout)? else {
        return Ok(None);
    };
    let mut fields = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut parsed = httparse::Request::new(&mut fields);
    match parsed.parse(&head) {
        // The head must end where its blank line does: httparse also accepts bare line feeds,
        // and bytes between the two ends would otherwise be lost (or read as the next request).
        Ok(httparse::Status::Complete(n)) if n == head.len() => {}
        Ok(httparse::Status::Complete(_)) => {
            return Err(Refusal::new(
                StatusCode::BAD_REQUEST,
                "line ends must be CRLF in the request head",
            ))
        }
        Ok(httparse::Status::Partial) => {
            return Err(Refusal::new(StatusCode::BAD_REQUEST, "incomplete request"))
        }
        Err(httparse::Error::TooManyHeaders) => {
            return Err(Refusal::new(
                StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
                format!("more than {MAX_HEADERS} header fields"),
            ))
        }
        Err(e) => {
            return Err(Refusal::new(
                StatusCode::BAD_REQUEST,
                format!("malformed request: {e}"),
            ))
        }
    }
    let bad = |what: &str| Refusal::new(StatusCode::BAD_REQUEST, what.to_owned());
    let method = Method::from_bytes(parsed.method.unwrap_or("").as_bytes())
        .map_err(|_| bad("malformed method"))?;
    let uri: Uri = parsed
        .path
        .unwrap_or("")
        .parse()
        .map_err(|_| bad("malformed request target"))?;
    let version = match parsed.version {
        Some(0) => Version::HTTP_10,
        _ => Version::HTTP_11,
    };
    let mut builder = Request::builder().method(method).uri(uri).version(version);
    for field in parsed.headers.iter() {
        let name =
            HeaderName::from_bytes(field.name.as_bytes()).map_err(|_| bad("malformed header"))?;
        let value = HeaderValue::from_bytes(field.value).map_err(|_| bad("malformed header"))?;
        builder = builder.header(name, value);
    }
    let mut request = builder
        .body(Body::empty())
        .map_err(|e| bad(&format!("malformed request: {e}")))?;
    let body = read_body(reader, writer, &request, limits)?;
    *request.body_mut() = Body::from(body);
    Ok(Some(request))
}

/// Reads a request head up to and including its empty line.
fn read_head(reader: &mut BufReader<Timed>, timeout: Duration) -> Result<Option<Vec<u8>>, Refusal> {
    let mut head = Vec::new();
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if head.is_empty() && e.kind() == io::ErrorKind::TimedOut => {
                // An idle kept-alive connection: close it without a word.
                return Ok(None);
            }
            Err(e) => return Err(Refusal::from_io(&e, timeout)),
        };
        if available.is_empty() {
            return if head.is_empty() {
                Ok(None)
            } else {
                Err(Refusal::silent())
            };
        }
        // Blank lines before a request line are allowed (RFC 9112 §2.2).
        let skip = if head.is_empty() {
            available
                .iter()
                .take_while(|b| **b == b'\r' || **b == b'\n')
                .count()
        } else {
            0
        };
        let taken = &available[skip..];
        let from = head.len().saturating_sub(3);
        head.extend_from_slice(taken);
        let end = head[from..]
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .map(|at| from + at + 4);
        if end.unwrap_or(head.len()) > MAX_HEAD {
            return Err(Refusal::new(
                StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
                format!("the request head exceeds {MAX_HEAD} bytes"),
            ));
        }
        if let Some(end) = end {
            let beyond = head.len() - end;
            let used = available.len() - beyond;
            reader.consume(used);
            head.truncate(end);
            return Ok(Some(head));
        }
        let used = available.len();
        reader.consume(used);
    }
}

/// Reads a request's body (nothing, `Content-Length` bytes or chunks), answering
/// `Expect: 100-continue` first.
fn read_body(
    reader: &mut BufReader<Timed>,
    writer: &mut TcpStream,
    request: &Request<Body>,
    limits: &ConnectionLimits,
) -> Result<Vec<u8>, Refusal> {
    let headers = request.headers();
    let too_large = || {
        Refusal::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the request body exceeds {} bytes", limits.max_body),
        )
    };
    let io = |e: io::Error| Refusal::from_io(&e, limits.request_timeout);
    let codings: Vec<&[u8]> = headers
        .get_all(header::TRANSFER_ENCODING)
        .iter()
        .flat_map(|v| v.as_bytes().split(|b| *b == b','))
        .map(<[u8]>::trim_ascii)
        .collect();
    let chunked = if codings.is_empty() {
        false
    } else {
        if headers.contains_key(header::CONTENT_LENGTH) || !is_http11(request) {
            return Err(Refusal::new(
                StatusCode::BAD_REQUEST,
                "Transfer-Encoding with Content-Length, or in HTTP/1.0",
            ));
        }
        if codings.len() != 1 || !codings[0].eq_ignore_ascii_case(b"chunked") {
            return Err(Refusal::new(
                StatusCode::NOT_IMPLEMENTED,
                "only the chunked transfer coding, alone, is supported",
            ));
        }
        true
    };
    let mut lengths = headers.get_all(header::CONTENT_LENGTH).iter();
    let length = match lengths.next() {
        None => 0,
        Some(value) => {
            let n = value
                .to_str()
                .ok()
                .map(str::trim)
                .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|v| v.parse::<u64>().ok())
                .ok_or_else(|| Refusal::new(StatusCode::BAD_REQUEST, "malformed Content-Length"))?;
            if lengths.any(|other| other != value) {
                return Err(Refusal::new(
                    StatusCode::BAD_REQUEST,
                    "conflicting Content-Length values",
                ));
            }
            n
        }
    };
    if length > limits.max_body as u64 {
        return Err(Refusal {
            drain: length.min(DRAIN_TOO_LARGE),
            ..too_large()
        });
    }
    if !chunked && length == 0 {
        return Ok(Vec::new());
    }
    if let Some(expect) = headers.get(header::EXPECT) {
        if !expect.as_bytes().eq_ignore_ascii_case(b"100-continue") {
            return Err(Refusal::new(
                StatusCode::EXPECTATION_FAILED,
                "only Expect: 100-continue is supported",
            ));
        }
        if is_http11(request) {
            writer
                .write_all(b"HTTP/1.1 100 Continue\r\n\r\n")
                .map_err(|_| Refusal::silent())?;
        }
    }
    if !chunked {
        let mut body = vec![0; length as usize];
        reader.read_exact(&mut body).map_err(io)?;
        return Ok(body);
    }
    let mut body = Vec::new();
    loop {
        let line = read_line(reader).map_err(io)?;
        let size = line.split(|b| *b == b';').next().unwrap_or(b"");
        let size = std::str::from_utf8(size)
            .ok()
            .map(str::trim)
            .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|s| u64::from_str_radix(s, 16).ok())
            .ok_or_else(|| Refusal::new(StatusCode::BAD_REQUEST, "malformed chunk size"))?;
        if size == 0 {
            // Trailer fields, ignored, up to the empty line.
            while !read_line(reader).map_err(io)?.is_empty() {}
            return Ok(body);
        }
        if size > (limits.max_body - body.len()) as u64 {
            return Err(too_large());
        }
        let start = body.len();
        body.resize(start + size as usize, 0);
        reader.read_exact(&mut body[start..]).map_err(io)?;
        if !read_line(reader).map_err(io)?.is_empty() {
            return Err(Refusal::new(
                StatusCode::BAD_REQUEST,
                "a chunk longer than its size",
            ));
        }
    }
}

/// Reads a line of a chunked body, without its line end.
fn read_line(reader: &mut BufReader<Timed>) -> io::Result<Vec<u8>> {
    let mut line = Vec::new();
    reader
        .by_ref()
        .take(MAX_CHUNK_LINE)
        .read_until(b'\n', &mut line)?;
    if line.last() != Some(&b'\n') {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "a chunk line without its end",
        ));
    }
    while matches!(line.last(), Some(b'\n' | b'\r')) {
        line.pop();
    }
    Ok(line)
}

/// A plain-text response.
fn plain(status: StatusCode, message: String) -> Response<Body> {
    let mut response = Response::new(Body::from(format!("{message}\n")));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

/// Writes a response: with `Content-Length` when the body's length is known, otherwise chunked
/// (HTTP/1.1) or up to the connection's end (HTTP/1.0, `keep_alive` being false then).
fn write_response(
    stream: &mut TcpStream,
    response: &mut Response<Body>,
    keep_alive: bool,
    head_only: bool,
    http11: bool,
    limit: Duration,
) -> io::Result<()> {
    // The whole response must be taken within `limit`: a client that reads a byte now and then
    // cannot hold its place for ever.
    let timed = TimedWrite {
        stream,
        deadline: Instant::now() + limit,
    };
    let mut w = BufWriter::with_capacity(16 * 1024, timed);
    let status = response.status();
    write!(
        w,
        "HTTP/1.1 {} {}\r\n",
        status.as_u16(),
        status.canonical_reason().unwrap_or("")
    )?;
    for (name, value) in response.headers() {
        if name != header::CONTENT_LENGTH
            && name != header::TRANSFER_ENCODING
            && name != header::CONNECTION
        {
            w.write_all(name.as_str().as_bytes())?;
            w.write_all(b": ")?;
            w.write_all(value.as_bytes())?;
            w.write_all(b"\r\n")?;
        }
    }
    if !keep_alive {
        w.write_all(b"connection: close\r\n")?;
    }
    let bodyless = status.is_informational()
        || status == StatusCode::NO_CONTENT
        || status == StatusCode::NOT_MODIFIED;
    if bodyless {
        w.write_all(b"\r\n")?;
        return w.flush();
    }
    let body = response.body_mut();
    match body.len() {
        Some(length) => {
            write!(w, "content-length: {length}\r\n\r\n")?;
            if !head_only {
                io::copy(body, &mut w)?;
            }
        }
        None if !http11 => {
            w.write_all(b"\r\n")?;
            if !head_only {
                io::copy(body, &mut w)?;
            }
        }
        None => {
            w.write_all(b"transfer-encoding: chunked\r\n\r\n")?;
            if !head_only {
                let mut buffer = vec![0; 16 * 1024];
                loop {
                    let n = body.read(&mut buffer)?;
                    if n == 0 {
                        break;
                    }
                    write!(w, "{n:x}\r\n")?;
                    w.write_all(&buffer[..n])?;
                    w.write_all(b"\r\n")?;
                }
                w.write_all(b"0\r\n\r\n")?;
            }
        }
    }
    w.flush()
}
