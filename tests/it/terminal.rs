//! Driving `livectl` in a pseudo-terminal: keys sent once it reads them one at a time, a size
//! given to the terminal, and its modes read back.

use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

use rexpect::session::PtySession;

/// The terminal's line discipline: whether it reads lines (canonical) rather than keys (raw);
/// None when it cannot be asked.
pub fn canonical(p: &PtySession) -> Option<bool> {
    let fd = p.process.pty.as_raw_fd();
    let mut termios = std::mem::MaybeUninit::<libc::termios>::uninit();
    // SAFETY: tcgetattr fills the termios on success, which is checked before reading it.
    unsafe {
        (libc::tcgetattr(fd, termios.as_mut_ptr()) == 0)
            .then(|| termios.assume_init().c_lflag & libc::ICANON != 0)
    }
}

/// Sends a key once the program reads keys one at a time (the terminal is out of canonical
/// mode), so the key is not taken by the line discipline while a picker is still starting.
pub fn key(p: &mut PtySession, key: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while canonical(p) != Some(false) {
        assert!(
            Instant::now() < deadline,
            "the program never started reading keys"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    p.send(key).unwrap();
    p.flush().unwrap();
}

/// How the program in the pseudo-terminal ended: its exit code (a signal's end fails the test).
pub fn exit_code(p: &mut PtySession) -> i32 {
    match p.process.wait().expect("the program's end") {
        rexpect::process::wait::WaitStatus::Exited(_, code) => code,
        other => panic!("unexpected end: {other:?}"),
    }
}

/// Gives the pseudo-terminal a size (a new one has none); the program hears of it (SIGWINCH).
pub fn resize(p: &PtySession, cols: u16, rows: u16) {
    let size = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCSWINSZ on the pty we own, with a valid winsize.
    let done = unsafe { libc::ioctl(p.process.pty.as_raw_fd(), libc::TIOCSWINSZ, &size) };
    assert_eq!(done, 0, "the pty takes a size");
}

/// What a terminal shows, rebuilt from what a full-screen program wrote: as much of a VT100 as
/// ratatui's output needs (cursor moves, clears, text; colours and modes skipped), so a test
/// reads the screen as a person sees it rather than the bytes that drew it.
pub struct Screen {
    cells: Vec<Vec<char>>,
    row: usize,
    col: usize,
    state: Parse,
    params: String,
    utf8: Vec<u8>,
    /// Every byte written, for the modes a program sets and resets.
    pub raw: Vec<u8>,
}

enum Parse {
    Text,
    Escape,
    Csi,
    Osc,
}

impl Screen {
    pub fn new(cols: u16, rows: u16) -> Screen {
        Screen {
            cells: vec![vec![' '; usize::from(cols)]; usize::from(rows)],
            row: 0,
            col: 0,
            state: Parse::Text,
            params: String::new(),
            utf8: Vec::new(),
            raw: Vec::new(),
        }
    }

    /// The terminal was resized (the program redraws all of it).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.cells = vec![vec![' '; usize::from(cols)]; usize::from(rows)];
    }

    pub fn feed(&mut self, byte: u8) {
        self.raw.push(byte);
        match self.state {
            Parse::Text => match byte {
                0x1b => self.state = Parse::Escape,
                b'\r' => self.col = 0,
                b'\n' => self.row += 1,
                0x08 => self.col = self.col.saturating_sub(1),
                0..=0x1f => {}
                _ => {
                    self.utf8.push(byte);
                    match std::str::from_utf8(&self.utf8) {
                        Ok(text) => {
                            let chars: Vec<char> = text.chars().collect();
                            self.utf8.clear();
                            chars.into_iter().for_each(|c| self.put(c));
                        }
                        Err(e) if e.error_len().is_some() => {
                            self.utf8.clear();
                            self.put('?');
                        }
                        Err(_) => {}
                    }
                }
            },
            Parse::Escape => {
                self.state = match byte {
                    b'[' => {
                        self.params.clear();
                        Parse::Csi
                    }
                    b']' => Parse::Osc,
                    _ => Parse::Text,
                }
            }
            Parse::Csi => match byte {
                0x20..=0x3f => self.params.push(byte as char),
                _ => {
                    self.csi(byte);
                    self.state = Parse::Text;
                }
            },
            Parse::Osc => {
                if byte == 0x07 || byte == b'\\' {
                    self.state = Parse::Text;
                }
            }
        }
    }

    fn csi(&mut self, command: u8) {
        let numbers: Vec<usize> = self
            .params
            .split(';')
            .map(|n| n.parse().unwrap_or(0))
            .collect();
        let at = |n: usize| numbers.get(n).copied().unwrap_or(0).max(1) - 1;
        match command {
            b'H' | b'f' => (self.row, self.col) = (at(0), at(1)),
            b'J' if self.params == "2" => {
                self.cells.iter_mut().for_each(|row| row.fill(' '));
            }
            b'K' => {
                if let Some(row) = self.cells.get_mut(self.row) {
                    row.iter_mut().skip(self.col).for_each(|c| *c = ' ');
                }
            }
            _ => {}
        }
    }

    fn put(&mut self, c: char) {
        if let Some(cell) = self
            .cells
            .get_mut(self.row)
            .and_then(|row| row.get_mut(self.col))
        {
            *cell = c;
        }
        self.col += 1;
    }

    /// The screen as lines of text.
    pub fn text(&self) -> String {
        self.cells
            .iter()
            .map(|row| row.iter().collect::<String>().trim_end().to_owned())
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn shows(&self, text: &str) -> bool {
        self.cells
            .iter()
            .any(|row| row.iter().collect::<String>().contains(text))
    }

    /// Whether the program wrote `sequence` (a mode it set), at any time.
    pub fn wrote(&self, sequence: &str) -> bool {
        self.raw
            .windows(sequence.len())
            .any(|w| w == sequence.as_bytes())
    }

    /// Where the program last wrote `sequence`.
    pub fn last(&self, sequence: &str) -> Option<usize> {
        self.raw
            .windows(sequence.len())
            .rposition(|w| w == sequence.as_bytes())
    }
}

/// Feeds what rexpect read to the screen; it hands out bytes as Latin-1 characters.
fn feed(screen: &mut Screen, read: &str) {
    read.chars().for_each(|c| screen.feed(c as u32 as u8));
}

/// Reads what the program writes until its screen shows `text`; fails after 60 s (or 30 s
/// without a byte written), with the screen as it is.
pub fn wait_for(p: &mut PtySession, screen: &mut Screen, text: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !screen.shows(text) {
        assert!(
            Instant::now() < deadline,
            "the screen did not show `{text}` within 60 s:\n{}",
            screen.text()
        );
        // Whatever has arrived, at least one byte: rexpect waits for it with its timeout.
        match p.exp_regex("[\\s\\S]+") {
            Ok((before, read)) => {
                feed(screen, &before);
                feed(screen, &read);
            }
            Err(e) => panic!("the screen never showed `{text}` ({e}):\n{}", screen.text()),
        }
    }
}

/// Reads what the program writes until it ends.
pub fn read_to_end(p: &mut PtySession, screen: &mut Screen) {
    let rest = p.exp_eof().expect("the program ends");
    feed(screen, &rest);
}
