//! The terminal UI: app state, update(action) -> effects, keymap as data, components render from &state.
