//! Starts the real `livectl` binary's sandbox on 127.0.0.1:0 in an isolated HOME, and talks to
//! it over HTTP.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use reqwest::blocking::{Client, RequestBuilder};
use reqwest::header::HeaderMap;
use serde_json::{Value, json};

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_livectl")
}

/// A temporary HOME with its XDG directories, shared by the processes of one test.
pub struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Arc<Home> {
        Arc::new(Home {
            dir: tempfile::tempdir().expect("temp dir"),
        })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("sandbox.db")
    }

    /// `livectl ARGS` with this HOME, nothing inherited that could reach a real platform.
    pub fn livectl(&self) -> Command {
        let mut cmd = Command::new(bin());
        let home = self.dir.path();
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("NO_COLOR", "1")
            // Times for people are in the local zone: the same zone on every machine.
            .env("TZ", "UTC");
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.livectl()
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run livectl")
    }

    /// A new bearer token for an agent (the built-in admin when None).
    pub fn token(&self, agent: Option<&str>) -> String {
        self.token_in(&self.db(), agent)
    }

    /// A new bearer token for an agent of the database at `db`.
    pub fn token_in(&self, db: &Path, agent: Option<&str>) -> String {
        let mut args = vec!["sandbox", "token", "--db", db.to_str().unwrap()];
        if let Some(agent) = agent {
            args.extend(["--agent", agent]);
        }
        let out = self.run(&args);
        assert!(
            out.status.success(),
            "sandbox token failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    }
}

/// A running `livectl sandbox serve`, killed when dropped.
pub struct Sandbox {
    child: Child,
    pub url: String,
    pub home: Arc<Home>,
    /// The database it serves.
    pub db: PathBuf,
    /// What it said on stderr before it listened (a seed file's load).
    pub started: Vec<String>,
    /// Kept so the reader thread keeps draining the server's stderr.
    _stderr: mpsc::Receiver<String>,
}

impl Sandbox {
    /// A sandbox on a new, empty database.
    pub fn start(args: &[&str]) -> Sandbox {
        Sandbox::start_in(Home::new(), args)
    }

    /// A sandbox on the database of `home` (several may share one).
    pub fn start_in(home: Arc<Home>, args: &[&str]) -> Sandbox {
        let db = home.db();
        Sandbox::start_on(home, &db, args)
    }

    /// A sandbox on the database at `db`, with `home` for its HOME.
    pub fn start_on(home: Arc<Home>, db: &Path, args: &[&str]) -> Sandbox {
        Sandbox::start_at(home, db, "127.0.0.1:0", args)
    }

    /// A sandbox listening on `addr` (to start one again where clients look for it).
    pub fn start_at(home: Arc<Home>, db: &Path, addr: &str, args: &[&str]) -> Sandbox {
        Sandbox::launch(home, db, addr, args, &[])
    }

    /// A sandbox on a new, empty database, with these variables in its environment (test
    /// hooks such as `LIVECTL_SANDBOX_WRITE_FAULTS`).
    pub fn start_env(args: &[&str], env: &[(&str, &str)]) -> Sandbox {
        let home = Home::new();
        let db = home.db();
        Sandbox::launch(home, &db, "127.0.0.1:0", args, env)
    }

    fn launch(
        home: Arc<Home>,
        db: &Path,
        addr: &str,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Sandbox {
        let mut child = home
            .livectl()
            .envs(env.iter().copied())
            .args([
                "sandbox",
                "serve",
                "--addr",
                addr,
                "--db",
                db.to_str().unwrap(),
            ])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn the sandbox");
        let (lines_tx, lines_rx) = mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if lines_tx.send(line).is_err() {
                    break;
                }
            }
        });
        // Readiness: the sandbox prints its address once it is listening.
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        let mut started = Vec::new();
        let url = loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match lines_rx.recv_timeout(left) {
                Ok(line) => {
                    if let Some(rest) = line.split("listening on ").nth(1) {
                        break rest.split_whitespace().next().unwrap().to_owned();
                    }
                    started.push(line);
                }
                Err(_) => {
                    let _ = child.kill();
                    panic!("the sandbox did not say it was listening within 60 s");
                }
            }
        };
        Sandbox {
            child,
            url,
            home,
            db: db.to_owned(),
            started,
            _stderr: lines_rx,
        }
    }

    pub fn api(&self) -> Api {
        Api::new(&self.url, &self.home.token_in(&self.db, None))
    }

    /// Stops it by `signal` (SIGTERM, SIGINT), as a user or a service manager would; its exit
    /// code.
    #[cfg(unix)]
    pub fn stop(&mut self, signal: i32) -> Option<i32> {
        // SAFETY: a signal to our own child.
        unsafe { libc::kill(self.child.id() as i32, signal) };
        self.child.wait().expect("the sandbox ends").code()
    }

    /// kill -9.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.kill();
    }
}

#[derive(Debug, Clone)]
pub struct Resp {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Resp {
    pub fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or("")
    }

    pub fn detail(&self) -> &str {
        self.body["detail"].as_str().unwrap_or("")
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    #[track_caller]
    pub fn expect(self, status: u16) -> Value {
        assert_eq!(self.status, status, "unexpected answer: {}", self.body);
        self.body
    }

    /// A problem+json answer with this status and code.
    #[track_caller]
    pub fn problem(&self, status: u16, code: &str) -> &str {
        assert_eq!(
            (self.status, self.code()),
            (status, code),
            "unexpected answer: {}",
            self.body
        );
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json")
        );
        assert_eq!(self.body["status"], status);
        assert!(
            !self.detail().is_empty(),
            "a problem without detail: {}",
            self.body
        );
        self.detail()
    }
}

#[derive(Clone)]
pub struct Api {
    pub http: Client,
    pub base: String,
    pub token: String,
}

impl Api {
    pub fn new(base: &str, token: &str) -> Api {
        let http = Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap();
        Api {
            http,
            base: base.to_owned(),
            token: token.to_owned(),
        }
    }

    /// A new department; its id.
    pub fn department(&self, key: &str, name: &str) -> String {
        self.post("/v1/departments", json!({"key": key, "name": name}))
            .expect(201)["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    pub fn with_token(&self, token: &str) -> Api {
        Api {
            token: token.to_owned(),
            ..self.clone()
        }
    }

    pub fn request(&self, method: reqwest::Method, path: &str) -> RequestBuilder {
        self.http
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.token)
    }

    pub fn send(&self, request: RequestBuilder) -> Resp {
        let response = request.send().expect("the sandbox answers");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().expect("a body");
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        Resp {
            status,
            headers,
            body,
        }
    }

    pub fn get(&self, path: &str) -> Resp {
        self.send(self.request(reqwest::Method::GET, path))
    }

    pub fn post(&self, path: &str, body: Value) -> Resp {
        self.send(self.request(reqwest::Method::POST, path).json(&body))
    }

    pub fn post_with(&self, path: &str, body: Value, headers: &[(&str, &str)]) -> Resp {
        let mut request = self.request(reqwest::Method::POST, path).json(&body);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request)
    }

    /// Every item of a list, following cursors.
    pub fn all(&self, path: &str) -> Vec<Value> {
        let mut items = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let sep = if path.contains('?') { '&' } else { '?' };
            let url = match &cursor {
                Some(c) => format!("{path}{sep}limit=1000&cursor={c}"),
                None => format!("{path}{sep}limit=1000"),
            };
            let page = self.get(&url).expect(200);
            items.extend(page["items"].as_array().unwrap().iter().cloned());
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => return items,
            }
        }
    }

    /// Every resource of the sandbox, to compare before and after.
    pub fn everything(&self) -> Vec<Vec<Value>> {
        [
            "/v1/agents",
            "/v1/departments",
            "/v1/topics",
            "/v1/outcomes",
            "/v1/blocks",
            "/v1/users",
            "/v1/conversations",
            "/v1/interventions",
            "/v1/audit",
        ]
        .iter()
        .map(|path| self.all(path))
        .collect()
    }

    pub fn events_of(&self, intervention: &str) -> Vec<Value> {
        self.all(&format!("/v1/audit?intervention_id={intervention}"))
    }

    pub fn intervention(&self, id: &str) -> Value {
        self.get(&format!("/v1/interventions/{id}")).expect(200)
    }

    pub fn agent(&self, id: &str) -> Value {
        self.get(&format!("/v1/agents/{id}")).expect(200)
    }
}

/// A small workspace built through the API: two departments, agents, a catalog.
pub struct Workspace {
    pub api: Api,
    pub support: String,
    pub ana: String,
    pub bo: String,
    pub cy: String,
    pub dan_inactive: String,
    pub topic: String,
    pub outcome: String,
    pub block: String,
    next: std::cell::Cell<usize>,
}

impl Workspace {
    pub fn new(api: &Api) -> Workspace {
        let support = api
            .post(
                "/v1/departments",
                json!({"key": "support", "name": "Support"}),
            )
            .expect(201)["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let agent = |key: &str, name: &str, role: &str, active: bool| {
            api.post(
                "/v1/agents",
                json!({"key": key, "name": name, "email": format!("{key}@example.com"), "role": role, "department": support, "active": active}),
            )
            .expect(201)["id"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        let ana = agent("ana", "Ana Lima", "admin", true);
        let bo = agent("bo", "Bo Chen", "agent", true);
        let cy = agent("cy", "Cy Diaz", "agent", true);
        let dan_inactive = agent("dan", "Dan Ek", "agent", false);
        let topic = api
            .post(
                "/v1/topics",
                json!({"key": "login", "name": "Login problem", "department": support}),
            )
            .expect(201)["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let outcome = api
            .post(
                "/v1/outcomes",
                json!({"key": "resolved", "name": "Resolved"}),
            )
            .expect(201)["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let block = api
            .post("/v1/blocks", json!({"key": "survey", "name": "Survey"}))
            .expect(201)["id"]
            .as_str()
            .unwrap()
            .to_owned();
        Workspace {
            api: api.clone(),
            support,
            ana,
            bo,
            cy,
            dan_inactive,
            topic,
            outcome,
            block,
            next: Default::default(),
        }
    }

    /// A new queued intervention; returns its id.
    pub fn queued(&self) -> String {
        let n = self.next.get() + 1;
        self.next.set(n);
        let body = json!({
            "key": format!("conv-{n}"),
            "user": {"key": format!("user-{n}"), "name": format!("User {n}"), "channel": "web"},
            "messages": [{"sender": "user", "text": "I need help"}],
            "intervention": {"summary": format!("Help number {n}"), "department": self.support},
        });
        self.api.post("/v1/conversations", body).expect(201)["intervention"]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// A new intervention driven to `state` through the real actions (owner: Bo).
    pub fn in_state(&self, state: &str) -> String {
        let id = self.queued();
        let act = |action: &str, body: Value| {
            self.api
                .post(&format!("/v1/interventions/{id}/{action}"), body)
                .expect(200)
        };
        match state {
            "queued" => {}
            "assigned" => {
                act("assign", json!({"agent": self.bo}));
            }
            "completed" => {
                act("assign", json!({"agent": self.bo}));
                act(
                    "complete",
                    json!({"topic": self.topic, "outcome": self.outcome}),
                );
            }
            "cancelled" => {
                act("cancel", json!({}));
            }
            other => panic!("no such state {other}"),
        }
        id
    }
}

/// "Now" for the CLI in output tests, so ages print the same every run.
pub const NOW: &str = "2026-11-24T12:00:00Z";

/// A file's or directory's permission bits.
#[cfg(unix)]
/// A FIFO made at `path` (mode 0600).
#[cfg(unix)]
pub fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a NUL-terminated path of the test's own.
    assert_eq!(
        unsafe { libc::mkfifo(c.as_ptr(), 0o600) },
        0,
        "{}",
        path.display()
    );
}

pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// A loopback address nothing listens on now, for a sandbox that stops and starts again there.
pub fn free_addr() -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    format!("127.0.0.1:{port}")
}

/// What one run of the CLI did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<std::process::Output> for Run {
    fn from(out: std::process::Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).expect("livectl writes UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("livectl writes UTF-8"),
        }
    }
}

impl Run {
    #[track_caller]
    pub fn ok(self) -> String {
        assert_eq!(self.code, 0, "livectl failed: {}", self.stderr);
        self.stdout
    }

    /// A failure with this exit code and one clear line (plus an optional hint) on stderr.
    #[track_caller]
    pub fn fails(&self, code: i32, words: &str) -> &str {
        assert_eq!(
            self.code, code,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        assert!(
            self.stderr.contains(words),
            "stderr should mention `{words}`: {}",
            self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        &self.stderr
    }

    /// Says `hint` on a line of its own (`hint: ...`).
    #[track_caller]
    pub fn hints(&self, hint: &str) -> &Run {
        assert!(
            self.stderr.lines().any(|l| l == format!("hint: {hint}")),
            "stderr should hint `{hint}`: {}",
            self.stderr
        );
        self
    }
}

impl Sandbox {
    /// The CLI pointed at this sandbox with a token, from this sandbox's HOME.
    pub fn cli(&self, token: &str, args: &[&str]) -> Run {
        self.cli_env(token, args, &[])
    }

    /// The CLI with `input` on its stdin.
    pub fn cli_stdin(&self, token: &str, args: &[&str], input: &str) -> Run {
        use std::io::Write;
        let mut child = self
            .home
            .livectl()
            .env("LIVECTL_API_URL", &self.url)
            .env("LIVECTL_TOKEN", token)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run livectl");
        // A run that stops before reading its stdin (a refusal) closes the pipe first.
        match child.stdin.take().unwrap().write_all(input.as_bytes()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            written => written.expect("write to livectl's stdin"),
        }
        let out = child.wait_with_output().expect("run livectl");
        Run::from(out)
    }

    /// As `cli_env`, the platform reached by `--api-url` rather than LIVECTL_API_URL: the
    /// flags a command's hints must repeat.
    pub fn cli_by_flag(&self, token: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
        let args = [&["--api-url", self.url.as_str()][..], args].concat();
        let env = [env, &[("LIVECTL_API_URL", "")]].concat();
        self.cli_env(token, &args, &env)
    }

    pub fn cli_env(&self, token: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = self.home.livectl();
        cmd.env("LIVECTL_API_URL", &self.url)
            .env("LIVECTL_TOKEN", token)
            .env("LIVECTL_NOW", NOW);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run livectl");
        Run::from(out)
    }
}

impl Home {
    /// The CLI from this HOME against `url` with `token`, whatever listens there (or nothing).
    pub fn cli_at(&self, url: &str, token: &str, args: &[&str]) -> Run {
        self.livectl()
            .env("LIVECTL_API_URL", url)
            .env("LIVECTL_TOKEN", token)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run livectl")
            .into()
    }

    /// As `cli`, with these environment variables set.
    pub fn cli_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let out = self
            .livectl()
            .args(args)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .output()
            .expect("run livectl");
        Run::from(out)
    }

    /// The CLI with no platform configured: the embedded default.
    pub fn cli(&self, args: &[&str]) -> Run {
        // The demo's times are relative to when it was loaded: "now" is the real one here.
        let out = self
            .livectl()
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run livectl");
        Run::from(out)
    }
}

impl Workspace {
    /// A queued intervention with fixed times, for output that prints the same every run.
    pub fn fixed(
        &self,
        n: usize,
        user: &str,
        channel: &str,
        summary: &str,
        queued_at: &str,
    ) -> String {
        let body = json!({
            "key": format!("fixed-{n}"),
            "user": {"key": format!("fixed-user-{n}"), "name": user, "email": format!("user{n}@example.com"), "channel": channel},
            "started_at": "2026-11-24T08:00:00Z",
            "messages": [
                {"sender": "user", "text": format!("{summary}, please help"), "at": "2026-11-24T08:00:00Z"},
                {"sender": "bot", "text": "Let me find someone for you.", "at": "2026-11-24T08:00:05Z"},
            ],
            "intervention": {"summary": summary, "department": self.support, "queued_at": queued_at},
        });
        self.api.post("/v1/conversations", body).expect(201)["intervention"]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }
}

/// A livectl run in progress, its stderr read line by line as it comes (a bulk run asked to
/// stop, a live view stopped).
pub struct Running {
    child: std::process::Child,
    lines: std::sync::mpsc::Receiver<String>,
    /// What it said so far.
    said: Vec<String>,
}

impl Running {
    pub fn start(sandbox: &Sandbox, token: &str, args: &[&str]) -> Running {
        let mut child = sandbox
            .home
            .livectl()
            .env("LIVECTL_API_URL", &sandbox.url)
            .env("LIVECTL_TOKEN", token)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Running {
            child,
            lines,
            said: Vec::new(),
        }
    }

    pub fn signal(&self, signal: i32) {
        // SAFETY: a signal to our own child.
        unsafe { libc::kill(self.child.id() as i32, signal) };
    }

    /// Reads stderr until a line holds `words`, for at most `within`.
    pub fn until(&mut self, words: &str, within: Duration) -> String {
        let deadline = Instant::now() + within;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.said.push(line.clone());
                    if line.contains(words) {
                        return line;
                    }
                }
                Err(_) => panic!("never said {words:?}; said:\n{}", self.said.join("\n")),
            }
        }
    }

    /// Waits for the run to end, for at most `within`: its exit code and all it said.
    pub fn end(mut self, within: Duration) -> (Option<i32>, String) {
        let deadline = Instant::now() + within;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => self.said.push(line),
                // Its stderr closed: it ended.
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    let _ = self.child.kill();
                    panic!(
                        "the run did not end within {within:?}; said:\n{}",
                        self.said.join("\n")
                    );
                }
            }
        }
        let status = self.child.wait().unwrap();
        (status.code(), self.said.join("\n"))
    }
}
