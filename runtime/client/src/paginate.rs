//! The loop behind every generated paginator.
//!
//! Pages are fetched only as the stream is polled (the channel holds one item). The loop stops
//! after a page whose next token is absent or empty, or (when `stop_on_duplicate_token` is set,
//! the default) equal to the token just sent; that last page is still yielded. An error is
//! yielded and ends the stream; retries happen inside each call.

use std::future::Future;

use aws_smithy_async::future::pagination_stream::fn_stream::FnStream;
use aws_smithy_async::future::pagination_stream::PaginationStream;

/// How a paginator reads and writes the tokens of one operation.
#[derive(Debug, Clone, Copy)]
pub struct TokenPaths<I, O> {
    /// The token in the input (`inputToken`).
    pub input: fn(&I) -> Option<&str>,
    /// Stores the next token in the input.
    pub set_input: fn(&mut I, Option<String>),
    /// The next token in the output (`outputToken`).
    pub output: fn(&O) -> Option<&str>,
}

/// Streams the pages of an operation, starting from `input`.
pub fn paginate<I, O, E, F, Fut>(
    mut input: I,
    tokens: TokenPaths<I, O>,
    stop_on_duplicate_token: bool,
    call: F,
) -> PaginationStream<Result<O, E>>
where
    I: Clone + Send + 'static,
    O: Send + 'static,
    E: Send + 'static,
    F: Fn(I) -> Fut + Send + 'static,
    Fut: Future<Output = Result<O, E>> + Send + 'static,
{
    PaginationStream::new(FnStream::new(move |tx| {
        Box::pin(async move {
            loop {
                let page = call(input.clone()).await;
                let more = match &page {
                    Ok(output) => match (tokens.output)(output) {
                        None | Some("") => false,
                        Some(next) if stop_on_duplicate_token && (tokens.input)(&input) == Some(next) => false,
                        Some(next) => {
                            let next = next.to_owned();
                            (tokens.set_input)(&mut input, Some(next));
                            true
                        }
                    },
                    Err(_) => false,
                };
                if tx.send(page).await.is_err() || !more {
                    return;
                }
            }
        })
    }))
}

/// A stream that yields one error (a paginator whose input could not be built).
pub fn failed<T: Send + 'static, E: Send + 'static>(error: E) -> PaginationStream<Result<T, E>> {
    PaginationStream::new(FnStream::new(move |tx| {
        Box::pin(async move {
            let _ = tx.send(Err(error)).await;
        })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Debug, Default)]
    struct In {
        token: Option<String>,
    }
    #[derive(Debug)]
    struct Out {
        next: Option<String>,
    }

    const PATHS: TokenPaths<In, Out> = TokenPaths {
        input: |i| i.token.as_deref(),
        set_input: |i, t| i.token = t,
        output: |o| o.next.as_deref(),
    };

    /// The next token of each page (or the error), and the tokens that were sent.
    type Run = (Vec<Result<Option<String>, String>>, Vec<Option<String>>);

    /// Pages answer with the given next tokens in turn; records the tokens sent.
    fn run(nexts: &[Option<&str>], stop: bool) -> Run {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let nexts: Vec<Option<String>> = nexts.iter().map(|t| t.map(str::to_owned)).collect();
        let seen2 = seen.clone();
        let stream = paginate(In::default(), PATHS, stop, move |i: In| {
            let mut s = seen2.lock().unwrap();
            let n = s.len();
            s.push(i.token.clone());
            let result = match nexts.get(n) {
                Some(next) => Ok(Out { next: next.clone() }),
                None => Err("no more pages scripted".to_owned()),
            };
            async move { result }
        });
        let pages: Vec<Result<Out, String>> = tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(stream.collect());
        let pages = pages.into_iter().map(|p| p.map(|o| o.next)).collect();
        let seen = seen.lock().unwrap().clone();
        (pages, seen)
    }

    #[test]
    fn follows_tokens_until_absent() {
        let (pages, seen) = run(&[Some("a"), Some("b"), None], true);
        assert_eq!(pages, vec![Ok(Some("a".into())), Ok(Some("b".into())), Ok(None)]);
        assert_eq!(seen, vec![None, Some("a".into()), Some("b".into())]);
    }

    #[test]
    fn stops_on_empty_token() {
        let (pages, _) = run(&[Some("a"), Some("")], true);
        assert_eq!(pages.len(), 2);
    }

    #[test]
    fn stops_on_repeated_token_unless_told_not_to() {
        let (pages, seen) = run(&[Some("a"), Some("a"), None], true);
        assert_eq!(pages.len(), 2, "the page with the repeated token is yielded, then the stream ends");
        assert_eq!(seen.len(), 2);
        let (pages, _) = run(&[Some("a"), Some("a"), None], false);
        assert_eq!(pages.len(), 3);
    }

    #[test]
    fn an_error_ends_the_stream() {
        let (pages, seen) = run(&[Some("a")], true);
        assert_eq!(pages.len(), 2);
        assert!(pages[1].is_err());
        assert_eq!(seen.len(), 2);
    }
}
