//! A loopback HTTP server for the download tests: fixed routes, bounded in connections, 127.0.0.1 only.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// Connections one server accepts before its thread ends.
const MAX_CONNECTIONS: usize = 40;

#[derive(Clone)]
pub struct Route {
    pub path: String,
    pub status: &'static str,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub delay: Duration,
    /// Send no Content-Length: the body ends when the connection closes.
    pub no_length: bool,
    /// Answer 406 unless the request's Accept header contains this.
    pub needs_accept: Option<&'static str>,
}

impl Route {
    pub fn new(path: &str, content_type: &str, body: impl Into<Vec<u8>>) -> Route {
        Route {
            path: path.to_string(),
            status: "200 OK",
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            delay: Duration::ZERO,
            no_length: false,
            needs_accept: None,
        }
    }

    pub fn redirect(path: &str, location: &str) -> Route {
        Route {
            status: "301 Moved Permanently",
            headers: vec![("Location".into(), location.into())],
            ..Route::new(path, "text/plain", "")
        }
    }
}

pub struct Server {
    pub base: String,
    /// The request lines received, in order.
    pub requests: Arc<Mutex<Vec<String>>>,
}

pub fn serve(routes: Vec<Route>) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let requests = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&requests);
    thread::spawn(move || {
        for stream in listener.incoming().take(MAX_CONNECTIONS) {
            let Ok(stream) = stream else { continue };
            let routes = routes.clone();
            let seen = Arc::clone(&seen);
            thread::spawn(move || answer(stream, &routes, &seen));
        }
    });
    Server { base, requests }
}

fn answer(mut stream: TcpStream, routes: &[Route], seen: &Mutex<Vec<String>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 16 * 1024 {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    let accept = head
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("accept")
                .then(|| value.trim().to_string())
        })
        .unwrap_or_default();
    if let Ok(mut seen) = seen.lock() {
        seen.push(format!("{path} accept={accept}"));
    }
    let not_found = Route {
        status: "404 Not Found",
        ..Route::new(&path, "text/html", "<h1>Not Found</h1>")
    };
    let mut route = routes
        .iter()
        .find(|r| r.path == path)
        .cloned()
        .unwrap_or(not_found);
    if route.needs_accept.is_some_and(|a| !accept.contains(a)) {
        route = Route {
            status: "406 Not Acceptable",
            ..Route::new(&path, "text/plain", "")
        };
    }
    thread::sleep(route.delay);
    let mut response = format!("HTTP/1.1 {}\r\nConnection: close\r\n", route.status);
    for (name, value) in &route.headers {
        response.push_str(&format!("{name}: {value}\r\n"));
    }
    if !route.no_length {
        response.push_str(&format!("Content-Length: {}\r\n", route.body.len()));
    }
    response.push_str("\r\n");
    let _ = stream.write_all(response.as_bytes());
    let _ = stream.write_all(&route.body);
    let _ = stream.flush();
}

/// A French article inside a page with a cookie banner, menus, a sidebar, a footer and a script.
pub fn article_page(head: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Blog du Master</title>{head}\
         <script>var tracker = \"SCRIPT TEXT\";</script></head><body>\
         <div class=\"cookie-banner\">Nous utilisons des cookies.</div>\
         <header><nav class=\"menu\"><ul><li><a href=\"/\">Menu Accueil</a></li><li><a href=\"/contact\">Menu Contact</a></li></ul></nav></header>\
         <aside class=\"sidebar\"><h3>Articles récents</h3><ul><li><a href=\"/x\">Sidebar lien</a></li></ul></aside>\
         <main><article><h1>L’article</h1>\n{body}</article></main>\
         <footer class=\"site-footer\"><p>© 2023 Pied de page, mentions légales</p></footer></body></html>"
    )
}

/// A workspace whose glose.toml points downloads at `server`, with short limits, committed.
pub fn workspace_for(server: &Server, timeout_secs: u32) -> crate::common::Env {
    let env = crate::common::Env::workspace();
    let mut config = env.read("glose.toml");
    config.push_str(&format!(
        "\n[net]\ndoi_base = \"{}\"\ntimeout_secs = {timeout_secs}\nmax_bytes = 5000\n",
        server.base
    ));
    std::fs::write(env.path("glose.toml"), config).expect("write glose.toml");
    env.git_ws(&["commit", "-qam", "net settings"]);
    env
}

/// The files in `library/sources/`, sorted.
pub fn sources(env: &crate::common::Env) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(env.path("library/sources"))
        .expect("sources folder")
        .filter_map(|e| Some(e.ok()?.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    names
}
