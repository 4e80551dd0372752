//! Everything the app can be asked to do: named commands (bound to keys) and events from outside.

use crossterm::event::MouseEvent;

use super::data::{Arrival, SourceDoc};
use super::external::ExternalEdit;
use super::keymap::{Key, Keymap};
use super::matching::Matched;
use super::undo::UndoStep;

macro_rules! commands {
    ($($variant:ident = $name:literal : $doc:literal,)*) => {
        /// A command a key can be bound to; its name is what glose.toml's `[keys]` uses.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Command { $($variant,)* }

        impl Command {
            pub const ALL: &[Command] = &[$(Command::$variant,)*];

            pub fn name(self) -> &'static str {
                match self { $(Command::$variant => $name,)* }
            }

            pub fn describe(self) -> &'static str {
                match self { $(Command::$variant => $doc,)* }
            }

            pub fn from_name(name: &str) -> Option<Command> {
                Command::ALL.iter().copied().find(|c| c.name() == name)
            }
        }
    };
}

commands! {
    Quit = "quit": "commit pending changes and quit",
    Checkpoint = "write": "commit the changes now",
    Help = "help": "show every key",
    CommandLine = "command": "command line (:w :q :check :goto)",
    Search = "search": "search the text",
    SearchNext = "search-next": "next match",
    SearchPrev = "search-prev": "previous match",
    FocusNext = "focus-next": "next pane",
    FocusPrev = "focus-prev": "previous pane",
    Left = "left": "previous character",
    Right = "right": "next character",
    Up = "up": "row up / previous item",
    Down = "down": "row down / next item",
    WordNext = "word-next": "next word",
    WordPrev = "word-prev": "previous word",
    SentenceNext = "sentence-next": "next sentence",
    SentencePrev = "sentence-prev": "previous sentence",
    ParagraphNext = "paragraph-next": "next paragraph",
    ParagraphPrev = "paragraph-prev": "previous paragraph",
    Top = "top": "start of the source",
    Bottom = "bottom": "end of the source",
    PageDown = "page-down": "one screen down",
    PageUp = "page-up": "one screen up",
    Select = "select": "start or stop extending a selection",
    SelectSentence = "select-sentence": "select the sentence under the cursor",
    Highlight = "highlight": "highlight the selection",
    Claim = "claim": "make the selection a claim",
    Note = "note": "make the selection a note",
    Question = "question": "make the selection a question",
    Cite = "cite": "cite a reference for the selected claim",
    Delete = "delete": "delete the selected annotation",
    Undo = "undo": "undo the last change",
    Redo = "redo": "redo",
    AnnotationNext = "annotation-next": "next annotation",
    AnnotationPrev = "annotation-prev": "previous annotation",
    Confirm = "confirm": "open / choose / run",
    Cancel = "cancel": "close / clear the selection",
    Complete = "complete": "complete / next relation",
    Erase = "erase": "delete the character before the cursor",
    Claims = "claims": "claims board: every claim of the workspace",
    References = "references": "references: the library, what cites each entry, problems",
    Orphans = "orphans": "fuzzy and orphaned annotations",
    Filter = "filter": "type a filter (#tag @key in:source words)",
    OnlyUnsupported = "only-unsupported": "show only unsupported claims (toggle)",
    OnlyAnchorProblems = "only-anchor-problems": "show only fuzzy and orphaned anchors (toggle)",
    Edit = "edit": "edit the selected annotation: note, tags, kind",
    EditExternal = "edit-external": "edit the selected annotation's note in $EDITOR",
    Save = "save": "save the annotation being edited",
    ConfirmAnchor = "confirm-anchor": "accept a fuzzy match as the right place",
    Reattach = "reattach": "re-attach an annotation to the selected text",
    History = "history": "history: commits and what each changed",
    Review = "review": "review mode: every change since your last review mark",
    Conflicts = "conflicts": "merge conflicts to settle",
    ByAuthor = "by-author": "filter by the next author (cycles, then all)",
    BySource = "by-source": "filter by the next source (cycles, then all)",
    Next = "next": "next change / next version",
    Previous = "previous": "previous change / previous version",
    Comment = "comment": "write a one-line review comment on this annotation (Enter saves)",
    CommentInEditor = "comment-in-editor": "write a longer review comment on this annotation in $EDITOR",
    MarkReviewed = "mark-reviewed": "mark everything as reviewed (asks first)",
    Yes = "yes": "yes, do it",
    KeepOurs = "keep-ours": "settle: keep our version",
    KeepTheirs = "keep-theirs": "settle: keep their version shown",
    KeepBoth = "keep-both": "settle: keep both (theirs as a new annotation)",
}

/// What `App::update` receives: a command, typed text, a terminal event, or the outcome of an effect.
#[derive(Debug)]
pub enum Action {
    Command(Command),
    Input(char),
    Resize(u16, u16),
    Mouse(MouseEvent),
    Tick,
    /// A key for the annotation editor's text fields.
    Edit(Key),
    /// What `$EDITOR` left in its file, or why it failed.
    Edited {
        edit: ExternalEdit,
        result: Result<String, String>,
    },
    Done(Box<Outcome>),
    Failed {
        message: String,
        /// The source the failed change was about, read again.
        source: Option<Box<SourceDoc>>,
    },
    /// What background reads sent since the last time.
    Arrived(Vec<Arrival>),
    /// The matches of a query typed in the citation picker.
    Matched(Matched),
}

/// What an effect did: a message, new data to show, and the step that undoes it.
#[derive(Debug, Default)]
pub struct Outcome {
    pub message: String,
    /// One source read again after a change to it.
    pub source: Option<SourceDoc>,
    /// The count of uncommitted files when it is known at once (none after a commit); otherwise it
    /// comes as an [`Arrival::Pending`].
    pub pending: Option<usize>,
    /// A notes file was written: at least one file is uncommitted until the count comes.
    pub wrote: bool,
    pub undo: Option<UndoStep>,
    /// An annotation to select, by id.
    pub select: Option<String>,
    /// Sources whose undo history no longer matches their notes file on disk.
    pub forget: Vec<String>,
    /// The history read for the history or review screen.
    pub history: Option<Box<crate::ops::History>>,
    /// Sources read again after their files changed on disk (new ones included).
    pub reread: Vec<SourceDoc>,
    /// Sources whose notes file is gone.
    pub removed: Vec<String>,
    /// The keys of a `glose.toml` changed on disk, with the warnings about its overrides.
    pub keymap: Option<(Keymap, Vec<String>)>,
    /// The message is an error (something changed on disk could not be read).
    pub failed: bool,
}
