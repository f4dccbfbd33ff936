//! The bulk runs whose journals are in a directory (`livectl runs`): where each stands, newest
//! first, and the command that carries on what it left. Journals are only read: nothing is
//! locked past a glance, changed or removed, and one that cannot be read is a row saying why.

use std::path::{Path, PathBuf};

use super::Again;
use super::journal::{self, Survey};
use crate::error::CliError;
use crate::model::{BulkRun, RunState};
use crate::ui::Reach;

/// Where to look: journals, or directories of journals (every file in one but those whose name
/// starts with a dot). Nothing named: the runs directory, where it is (none yet: no runs).
pub enum Places {
    Default,
    Given(Vec<PathBuf>),
}

/// The runs of the journals at `places`, newest first: the unfinished ones, those still going
/// and the journals that cannot be resumed; with `all`, the finished ones too. `reach` says
/// how a command typed now reaches a journal's target (`connect::reach_to`).
///
/// A place named that cannot be read stops nothing: the others are listed, and the error that
/// names it comes beside them (one place mistyped hid every other run named).
pub fn list(
    places: &Places,
    all: bool,
    reach: &dyn Fn(&str) -> Reach,
) -> Result<(Vec<BulkRun>, Option<CliError>), CliError> {
    let mut unread = None;
    let files = match places {
        Places::Default => {
            let dir = journal::runs_path();
            if dir.is_dir() {
                journals_in(&dir)?
            } else {
                Vec::new()
            }
        }
        Places::Given(places) => {
            let mut files = Vec::new();
            let mut missing = Vec::new();
            for place in places {
                match given(place) {
                    Ok(found) => files.extend(found),
                    Err(e) => missing.push(e.message),
                }
            }
            if !missing.is_empty() {
                unread = Some(
                    CliError::usage(missing.join("; ")).hint(
                        "name journals, or directories that hold them (the runs directory when none is named)",
                    ),
                );
            }
            files
        }
    };
    let mut runs: Vec<(Option<jiff::Timestamp>, BulkRun)> = files
        .into_iter()
        .map(|path| {
            let run = of(&path, journal::survey(&path), reach);
            // A file without a header is placed by when it was last written.
            let when = run.created_at.or_else(|| modified(&path));
            (when, run)
        })
        .filter(|(_, run)| all || run.state != RunState::Finished)
        .collect();
    runs.sort_by(|(a, x), (b, y)| b.cmp(a).then_with(|| x.journal.cmp(&y.journal)));
    Ok((runs.into_iter().map(|(_, run)| run).collect(), unread))
}

/// The journals a place names: itself, or the files of a directory.
fn given(place: &Path) -> Result<Vec<PathBuf>, CliError> {
    match std::fs::metadata(place) {
        Ok(meta) if meta.is_dir() => journals_in(&absolute(place)),
        Ok(_) => Ok(vec![absolute(place)]),
        Err(e) => Err(CliError::usage(format!(
            "cannot read {}: {e}",
            place.display()
        ))),
    }
}

/// The journals of `dir` in name order: its files that begin as journals do, but for those
/// whose name starts with a dot (`livectl runs .` in a working directory listed its pid
/// files and exports as broken journals).
fn journals_in(dir: &Path) -> Result<Vec<PathBuf>, CliError> {
    let unreadable =
        |e: std::io::Error| CliError::failure(format!("cannot read {}: {e}", dir.display()));
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        let path = entry.path();
        let hidden = entry.file_name().as_encoded_bytes().starts_with(b".");
        // Through a link to what it names: a directory in it is not looked into.
        if !hidden && !path.is_dir() && super::journal::looks_like_journal(&path) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn modified(path: &Path) -> Option<jiff::Timestamp> {
    let time = std::fs::metadata(path).ok()?.modified().ok()?;
    jiff::Timestamp::try_from(time).ok()
}

/// The row of the journal at `path`.
fn of(path: &Path, survey: Survey, reach: &dyn Fn(&str) -> Reach) -> BulkRun {
    let Survey {
        header,
        standing,
        in_use,
    } = survey;
    let mut run = BulkRun {
        run_id: None,
        journal: path.to_owned(),
        action: None,
        created_at: None,
        target: None,
        workspace: None,
        agent: None,
        total: None,
        done: None,
        skipped: None,
        failed: None,
        left: None,
        state: RunState::Unusable,
        problem: None,
        resume: None,
    };
    if let Some(header) = &header {
        run.run_id = Some(header.run_id.clone());
        run.action = Some(header.action.clone());
        run.created_at = Some(header.created_at);
        run.target = Some(header.target.clone());
        run.workspace = Some(header.workspace.clone());
        run.agent = Some(header.agent.clone());
    }
    let standing = match standing {
        Ok(standing) => standing,
        Err(e) => {
            // Still being planned by the livectl that holds it, or being written.
            run.state = if in_use {
                RunState::Running
            } else {
                RunState::Unusable
            };
            // The row names its file: the message names it alone, not its whole path again.
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let problem = e.message.replace(&path.display().to_string(), &name);
            run.problem = (!in_use).then_some(problem);
            return run;
        }
    };
    run.total = Some(standing.total);
    run.done = Some(standing.done);
    run.skipped = Some(standing.skipped);
    run.failed = Some(standing.failed);
    run.left = Some(standing.left);
    run.state = if in_use {
        RunState::Running
    } else if standing.unfinished() {
        RunState::Unfinished
    } else {
        RunState::Finished
    };
    if run.state == RunState::Unfinished
        && let Some(header) = &header
    {
        // A journal where a run puts it is resumed by its run id (`--resume` finds it there).
        let in_runs_dir = path.parent() == Some(journal::runs_path().as_path())
            && path.file_name() == Some(journal::file_name(&header.run_id).as_ref());
        let journal = if in_runs_dir {
            Path::new(&header.run_id)
        } else {
            path
        };
        match Again::of(&header.action, &reach(&header.target), journal) {
            Again::Resume(command) => run.resume = Some(command),
            restart @ Again::Restart(_) => run.problem = Some(restart.elsewhere()),
        }
    }
    // Finished or not, what it planned is not all its command chose: said beside the counts,
    // which read as the whole job (bulk tester: a run killed while listing read `finished`).
    if standing.cut_short && run.problem.is_none() {
        run.problem = Some(format!(
            "it stopped while listing its targets: the {} it planned are all it holds, and the targets it had not listed were never planned ({})",
            standing.total,
            super::dispatch::RESELECT
        ));
    }
    run
}

/// `place` from the root, so the command a row gives works from any directory.
fn absolute(place: &Path) -> PathBuf {
    std::path::absolute(place).unwrap_or_else(|_| place.to_owned())
}
