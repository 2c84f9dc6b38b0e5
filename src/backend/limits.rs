//! Politeness towards an engine: a rate limit in requests per second and characters per
//! minute, shared by every request in flight to that engine.
//!
//! Each request reserves its start time under a lock (no two requests start closer than
//! `1 / requests_per_second`, and the characters sent never exceed the per-minute budget,
//! refilled continuously), then sleeps until that time outside the lock. Reservations are
//! handed out in order, so the limit holds exactly, retries included, and nothing spins.

use std::time::Duration;
use tokio::sync::Mutex;
use tokio::time::Instant;

#[derive(Debug)]
pub struct RateLimiter {
    /// Time between two request starts; zero means no limit.
    interval: Duration,
    /// Characters per second (the per-minute budget spread evenly); `None` means no limit.
    chars_per_second: Option<f64>,
    /// The most characters that can be sent in a burst (one minute's budget).
    char_capacity: f64,
    state: Mutex<State>,
}

#[derive(Debug)]
struct State {
    next_start: Instant,
    char_tokens: f64,
    refilled_at: Instant,
}

impl RateLimiter {
    /// A limiter for `requests_per_second` (0 = unlimited) and `chars_per_minute` (0 = unlimited).
    ///
    /// Requests are spaced 2% wider than the rate: a server counts arrivals, and a few
    /// milliseconds of scheduling jitter between two requests spaced exactly at the rate put
    /// one request too many into its one-second window (measured: 9 rejections in 132).
    pub fn new(requests_per_second: f64, chars_per_minute: u64) -> RateLimiter {
        let interval = if requests_per_second > 0.0 {
            Duration::from_secs_f64(1.02 / requests_per_second)
        } else {
            Duration::ZERO
        };
        let capacity = chars_per_minute as f64;
        let now = Instant::now();
        RateLimiter {
            interval,
            chars_per_second: (chars_per_minute > 0).then(|| capacity / 60.0),
            char_capacity: capacity,
            state: Mutex::new(State {
                next_start: now,
                char_tokens: capacity,
                refilled_at: now,
            }),
        }
    }

    /// Waits until a request of `chars` characters may start.
    pub async fn acquire(&self, chars: usize) {
        let start = self.reserve(chars, Instant::now()).await;
        tokio::time::sleep_until(start).await;
    }

    /// Reserves the earliest start time at or after `now` for a request of `chars` characters.
    async fn reserve(&self, chars: usize, now: Instant) -> Instant {
        let mut state = self.state.lock().await;
        let mut start = state.next_start.max(now);
        if let Some(rate) = self.chars_per_second {
            // Refill up to `start`, then wait for what is still lacking. A request larger than
            // a minute's budget waits for a full bucket and goes alone.
            let elapsed = start.saturating_duration_since(state.refilled_at).as_secs_f64();
            let tokens = (state.char_tokens + elapsed * rate).min(self.char_capacity);
            let wanted = (chars as f64).min(self.char_capacity);
            if tokens < wanted {
                start += Duration::from_secs_f64((wanted - tokens) / rate);
                state.char_tokens = 0.0;
            } else {
                state.char_tokens = tokens - wanted;
            }
            state.refilled_at = start;
        }
        state.next_start = start + self.interval;
        start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn requests_are_spaced_by_the_rate() {
        let limiter = RateLimiter::new(20.0, 0);
        let now = Instant::now();
        let mut starts = Vec::new();
        for _ in 0..5 {
            starts.push(limiter.reserve(10, now).await);
        }
        for pair in starts.windows(2) {
            assert_eq!(pair[1] - pair[0], Duration::from_millis(51));
        }
        assert_eq!(starts[0], now);
    }

    #[tokio::test]
    async fn characters_per_minute_are_budgeted() {
        // 600 characters a minute = 10 a second; the first 600 go at once, then 10/s.
        let limiter = RateLimiter::new(0.0, 600);
        let now = Instant::now();
        assert_eq!(limiter.reserve(600, now).await, now);
        let next = limiter.reserve(100, now).await;
        assert_eq!(next - now, Duration::from_secs(10));
        // A request larger than the budget waits for a full bucket rather than forever.
        let huge = limiter.reserve(10_000, now).await;
        assert_eq!(huge - next, Duration::from_secs(60));
    }

    #[tokio::test]
    async fn unlimited_never_waits() {
        let limiter = RateLimiter::new(0.0, 0);
        let now = Instant::now();
        for _ in 0..100 {
            assert_eq!(limiter.reserve(1_000_000, now).await, now);
        }
    }
}
