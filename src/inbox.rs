//! The one way back from background work to the UI thread (DESIGN §6). The service worker and
//! the vertical-text worker post [`Message`]s into a [`Mailbox`]; one task on the UI thread's
//! event loop (`slint::spawn_local`) takes them out in order and hands each to the router. It
//! works the same in a window and headless: the headless platform provides the event-loop
//! proxy that wakes the task, and `Harness::settle` runs what it queued.

use legal_kiosk_core::service::Event;
use tokio::sync::mpsc;

use crate::vertical::ColumnPixels;

/// Everything background work tells the UI.
pub enum Message {
    /// From the service (link, content, answers to commands, problems).
    Service(Event),
    /// Vertical columns laid out for request `request` (the latest one asked wins).
    Columns {
        request: u64,
        result: Result<ColumnPixels, String>,
    },
    /// The start-up font check: the scripts no font can draw (empty: none).
    Fonts(Vec<legal_kiosk_vertical::Script>),
}

/// Where background threads post messages; cheap to clone and `Send`.
#[derive(Clone)]
pub struct Mailbox(mpsc::UnboundedSender<Message>);

impl Mailbox {
    /// Posts a message. False when the UI is gone (the app is ending): nothing to do then.
    pub fn post(&self, message: Message) -> bool {
        self.0.send(message).is_ok()
    }
}

/// The receiving end, until [`Inbox::deliver`] moves it onto the event loop.
pub struct Inbox(mpsc::UnboundedReceiver<Message>);

/// A new mailbox and its inbox.
pub fn channel() -> (Mailbox, Inbox) {
    let (tx, rx) = mpsc::unbounded_channel();
    (Mailbox(tx), Inbox(rx))
}

impl Inbox {
    /// Hands every message, in order, to `handle` on the UI thread for as long as the app runs.
    /// Call on the UI thread once the platform is set (a window backend or the headless one).
    pub fn deliver(self, handle: impl Fn(Message) + 'static) -> Result<(), slint::EventLoopError> {
        let mut rx = self.0;
        slint::spawn_local(async move {
            while let Some(message) = rx.recv().await {
                handle(message);
            }
        })?;
        Ok(())
    }
}
