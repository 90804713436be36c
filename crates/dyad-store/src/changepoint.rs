//! PELT, Pruned Exact Linear Time change-point detection (Killick, Fearnhead & Eckley 2012,
//! "Optimal detection of changepoints with a linear computational cost", JASA 107(500)).
//!
//! PELT minimises Σ cost(segment) + β·(number of change points) exactly, by dynamic programming
//! over the last change point, and prunes candidates that can never again be optimal
//! (F(τ) + C(y_τ+1..t) > F(t)), which keeps it linear in practice. Costs are twice the negative
//! log-likelihood of a segment, computed in O(1) from prefix sums.

/// A segment cost: twice the negative log-likelihood under a change-in-parameter model.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cost {
    /// Gaussian observations whose mean changes, with known variance.
    NormalMean {
        /// Variance of the observations around their segment mean (> 0).
        variance: f64,
    },
    /// Poisson counts whose rate changes.
    PoissonRate,
}

struct Prefix {
    s1: Vec<f64>,
    s2: Vec<f64>,
}

impl Prefix {
    fn new(data: &[f64]) -> Prefix {
        let mut s1 = Vec::with_capacity(data.len() + 1);
        let mut s2 = Vec::with_capacity(data.len() + 1);
        let (mut a, mut b) = (0.0, 0.0);
        s1.push(0.0);
        s2.push(0.0);
        for &x in data {
            a += x;
            b += x * x;
            s1.push(a);
            s2.push(b);
        }
        Prefix { s1, s2 }
    }

    /// Cost of data[from..to].
    fn cost(&self, cost: Cost, from: usize, to: usize) -> f64 {
        let n = (to - from) as f64;
        let s = self.s1[to] - self.s1[from];
        match cost {
            Cost::NormalMean { variance } => {
                let ss = self.s2[to] - self.s2[from];
                ((ss - s * s / n) / variance).max(0.0)
            }
            Cost::PoissonRate => {
                if s <= 0.0 {
                    0.0
                } else {
                    2.0 * (s - s * (s / n).ln())
                }
            }
        }
    }
}

/// The optimal change points of `data` under `cost` with penalty `penalty` per change point and
/// segments of at least `min_size` observations: the indices where new segments start, in
/// ascending order (empty when nothing changed).
pub fn pelt(data: &[f64], cost: Cost, penalty: f64, min_size: usize) -> Vec<usize> {
    let n = data.len();
    let min_size = min_size.max(1);
    if n < 2 * min_size {
        return Vec::new();
    }
    let prefix = Prefix::new(data);
    let mut f = vec![f64::INFINITY; n + 1];
    let mut last = vec![0usize; n + 1];
    f[0] = -penalty;
    let mut candidates: Vec<usize> = vec![0];
    for t in min_size..=n {
        let mut best = f64::INFINITY;
        let mut arg = 0;
        // F(τ) + C(τ, t) per candidate; None while τ is too close to t to end a segment here.
        let costs: Vec<Option<f64>> = candidates
            .iter()
            .map(|&tau| (t - tau >= min_size && f[tau].is_finite()).then(|| f[tau] + prefix.cost(cost, tau, t)))
            .collect();
        for (&tau, c) in candidates.iter().zip(&costs) {
            if let Some(c) = c
                && c + penalty < best
            {
                best = c + penalty;
                arg = tau;
            }
        }
        f[t] = best;
        last[t] = arg;
        // Prune: τ with F(τ) + C(τ, t) > F(t) can never be the last change point later on.
        let mut keep = costs.iter().map(|c| c.is_none_or(|c| c <= best));
        candidates.retain(|_| keep.next().unwrap_or(true));
        if t + min_size <= n && best.is_finite() {
            candidates.push(t);
        }
    }
    let mut out = Vec::new();
    let mut t = n;
    while t > 0 {
        let tau = last[t];
        if tau > 0 {
            out.push(tau);
        }
        t = tau;
    }
    out.reverse();
    out
}

/// A variance estimate that a shift in mean barely moves: half the mean squared difference of
/// consecutive observations, floored at `floor`.
pub fn difference_variance(data: &[f64], floor: f64) -> f64 {
    if data.len() < 2 {
        return floor;
    }
    let sum: f64 = data.windows(2).map(|w| (w[1] - w[0]).powi(2)).sum();
    (sum / (2.0 * (data.len() - 1) as f64)).max(floor)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic pseudo-random stream (xorshift) so tests need no dependency.
    pub(crate) struct Rng(u64);

    impl Rng {
        pub(crate) fn new(seed: u64) -> Rng {
            Rng(seed.max(1))
        }
        fn next(&mut self) -> f64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 >> 11) as f64 / (1u64 << 53) as f64
        }
        /// Standard normal by Box–Muller.
        pub(crate) fn normal(&mut self) -> f64 {
            let (u, v) = (self.next().max(1e-12), self.next());
            (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
        }
        /// Poisson by inversion (small rates).
        pub(crate) fn poisson(&mut self, rate: f64) -> f64 {
            let l = (-rate).exp();
            let (mut k, mut p) = (0.0, 1.0);
            loop {
                p *= self.next();
                if p <= l {
                    return k;
                }
                k += 1.0;
            }
        }
    }

    fn bic(n: usize) -> f64 {
        2.0 * (n as f64).ln()
    }

    #[test]
    fn finds_known_mean_shifts() {
        let mut rng = Rng::new(7);
        let means = [(0.0, 100), (3.0, 80), (-2.0, 120)];
        let data: Vec<f64> =
            means.iter().flat_map(|&(m, len)| (0..len).map(|_| m + rng.normal()).collect::<Vec<_>>()).collect();
        let var = difference_variance(&data, 0.01);
        assert!((0.7..1.5).contains(&var), "variance {var}");
        let cps = pelt(&data, Cost::NormalMean { variance: var }, bic(data.len()), 5);
        assert_eq!(cps.len(), 2, "{cps:?}");
        assert!((97..=103).contains(&cps[0]), "{cps:?}");
        assert!((177..=183).contains(&cps[1]), "{cps:?}");
    }

    #[test]
    fn noise_rarely_changes_under_mbic() {
        // BIC (2 ln n) is known to over-segment pure noise now and then; the modified BIC
        // (3 ln n, Zhang & Siegmund 2007, the default of R's changepoint) almost never does.
        let mut rng = Rng::new(11);
        let (mut bic_false, mut mbic_false) = (0, 0);
        for _ in 0..50 {
            let data: Vec<f64> = (0..300).map(|_| 1.5 + rng.normal()).collect();
            let cost = Cost::NormalMean { variance: difference_variance(&data, 0.01) };
            bic_false += !pelt(&data, cost, bic(300), 5).is_empty() as usize;
            mbic_false += !pelt(&data, cost, 1.5 * bic(300), 5).is_empty() as usize;
        }
        assert!(mbic_false <= 1, "MBIC found changes in {mbic_false} of 50 noise series");
        assert!(bic_false >= mbic_false);
    }

    #[test]
    fn finds_known_rate_changes() {
        let mut rng = Rng::new(3);
        let rates = [(2.0, 40), (9.0, 30), (1.0, 50)];
        let data: Vec<f64> =
            rates.iter().flat_map(|&(r, len)| (0..len).map(|_| rng.poisson(r)).collect::<Vec<_>>()).collect();
        let cps = pelt(&data, Cost::PoissonRate, bic(data.len()), 3);
        assert_eq!(cps.len(), 2, "{cps:?}");
        assert!((38..=42).contains(&cps[0]), "{cps:?}");
        assert!((68..=72).contains(&cps[1]), "{cps:?}");
    }

    #[test]
    fn pruned_search_matches_exhaustive_optimal_partitioning() {
        let mut rng = Rng::new(5);
        let data: Vec<f64> = (0..60).map(|i| if i < 25 { 0.0 } else { 1.2 } + rng.normal()).collect();
        let cost = Cost::NormalMean { variance: 1.0 };
        let pen = bic(60);
        // Optimal partitioning without pruning (Jackson et al. 2005), O(n²).
        let prefix = Prefix::new(&data);
        let mut f = vec![f64::INFINITY; 61];
        f[0] = -pen;
        for t in 2..=60 {
            for tau in 0..=t - 2 {
                if tau == 1 || !f[tau].is_finite() {
                    continue;
                }
                f[t] = f[t].min(f[tau] + prefix.cost(cost, tau, t) + pen);
            }
        }
        let cps = pelt(&data, cost, pen, 2);
        let mut bounds = vec![0];
        bounds.extend(&cps);
        bounds.push(60);
        let total: f64 = bounds.windows(2).map(|w| prefix.cost(cost, w[0], w[1])).sum::<f64>() + pen * cps.len() as f64;
        assert!((total - f[60]).abs() < 1e-9, "pelt {total} vs exhaustive {}", f[60]);
    }

    #[test]
    fn short_series_have_no_change() {
        assert!(pelt(&[1.0, 5.0], Cost::PoissonRate, 1.0, 2).is_empty());
        assert!(pelt(&[], Cost::PoissonRate, 1.0, 1).is_empty());
    }
}
