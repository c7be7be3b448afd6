//! Work spread over tasks of the page's event loop, so that no one task blocks it for
//! long: Lighthouse counts every task over 50 ms (at 4x CPU) as blocking, and a tap
//! waits for the task it lands in.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::state::App;

/// Runs `f` in a task of its own. Where the browser has the task scheduler
/// (`scheduler.postTask`), at its first priority, "user-blocking": the tasks split
/// here are the path to the drawn view, and queued behind the network's own tasks
/// they drew the map later. Else after the tasks already queued, as a message the page
/// posts to itself. Never a timer: a zero timeout may be clamped to 4 ms, and a paused
/// test clock (the kiosk tests') holds it.
pub fn in_a_task_of_its_own(f: impl FnOnce() + 'static) {
    if let Some((scheduler, post_task)) = task_scheduler() {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"priority".into(), &"user-blocking".into());
        let callback = wasm_bindgen::closure::Closure::once_into_js(f);
        // The promise it returns settles with the callback; nothing cancels it.
        let _ = post_task.call2(&scheduler, &callback, &options);
        return;
    }
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return f();
    };
    let (port, other) = (channel.port1(), channel.port2());
    let f = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
    let run = f.clone();
    // The callback keeps the channel (its handle a GC root) until the message is in.
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        drop(channel);
        if let Some(f) = run.take() {
            f();
        }
    });
    port.set_onmessage(Some(callback.unchecked_ref()));
    if other.post_message(&JsValue::UNDEFINED).is_err() {
        if let Some(f) = f.take() {
            f();
        }
    }
}

/// The page's `scheduler` and its `postTask`, when the browser has them.
fn task_scheduler() -> Option<(JsValue, js_sys::Function)> {
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &"scheduler".into()).ok()?;
    if !scheduler.is_object() {
        return None;
    }
    let post_task = js_sys::Reflect::get(&scheduler, &"postTask".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    Some((scheduler, post_task))
}

/// A copy of `source` that follows it one task behind, starting from `T::default()`:
/// what is drawn from it is built in a task of its own, after the rest of the view.
/// While it lags, the view counts as still drawing ([`App::drawing`]), so the
/// first paint's static frame stays until it has caught up. Changes made meanwhile
/// are taken together, by the task already on its way.
pub fn a_task_behind<T>(app: App, source: Memo<T>) -> ReadSignal<T>
where
    T: Clone + Default + PartialEq + Send + Sync + 'static,
{
    let shown = RwSignal::new(T::default());
    let on_its_way = StoredValue::new(false);
    Effect::new(move |_| {
        source.track();
        if on_its_way.get_value() {
            return;
        }
        on_its_way.set_value(true);
        app.drawing.update(|n| *n += 1);
        in_a_task_of_its_own(move || {
            // The view may be gone by now (another view opened): the count is the
            // app's, so it is given back whatever became of the view.
            on_its_way.try_set_value(false);
            if let Some(latest) = source.try_get_untracked() {
                shown.try_set(latest);
            }
            app.drawing.try_update(|n| *n = n.saturating_sub(1));
        });
    });
    shown.read_only()
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;
    use crate::test_mount::{mount, settle};

    /// Lets the microtasks queued so far run (the effects), but no task.
    async fn microtasks() {
        for _ in 0..10 {
            let _ =
                wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::UNDEFINED))
                    .await;
        }
    }

    #[wasm_bindgen_test]
    async fn a_copy_follows_its_source_a_task_later_holding_the_drawing_count_meanwhile() {
        let source = RwSignal::new(1u32);
        let m = mount("", move || {
            let app = crate::state::use_app();
            let behind = a_task_behind(app, Memo::new(move |_| source.get()));
            view! { <p class="behind">{move || behind.get()}</p> }
        })
        .await;
        assert_eq!(m.text(), "1", "caught up once mounted");
        assert_eq!(m.app.drawing.get_untracked(), 0);

        source.set(2);
        source.set(3);
        microtasks().await;
        assert_eq!(m.text(), "1", "not within the task that changed the source");
        assert_eq!(
            m.app.drawing.get_untracked(),
            1,
            "one task on its way for both"
        );
        source.set(4);
        microtasks().await;
        assert_eq!(m.app.drawing.get_untracked(), 1, "still the one task");

        settle().await;
        assert_eq!(m.text(), "4", "the latest value, a task later");
        assert_eq!(m.app.drawing.get_untracked(), 0, "the count given back");
        m.finish().await;
    }
}
