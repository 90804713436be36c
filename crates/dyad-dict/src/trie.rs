//! The name automaton: a byte trie searched anchored at word starts for the longest name.
//!
//! Names are only looked up where a word starts, so the search never needs Aho–Corasick's failure
//! links: this is its goto function alone, a deterministic automaton over bytes. Building it
//! costs a sort and one pass over the keys (a few milliseconds for ~15,000 names, where an
//! Aho–Corasick build spent most of the dictionary load computing failure links).

/// No key ends at this node.
const NONE: u32 = u32::MAX;

/// Keys laid out as a trie in flat arrays: node `n`'s edges are
/// `labels[starts[n]..starts[n + 1]]` (sorted) leading to the same slice of `targets`.
#[derive(Clone, Debug, Default)]
pub struct NameTrie {
    starts: Vec<u32>,
    labels: Vec<u8>,
    targets: Vec<u32>,
    /// The key ending at each node, or `NONE`.
    terminal: Vec<u32>,
    /// The root's edges as a dense table (`NONE` where absent): every lookup starts there.
    root: Vec<u32>,
}

impl NameTrie {
    /// Builds the trie; key `i` is reported as `i`. Keys must be distinct.
    pub fn new<K: AsRef<[u8]>>(keys: &[K]) -> NameTrie {
        let mut order: Vec<u32> = (0..keys.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| keys[a as usize].as_ref().cmp(keys[b as usize].as_ref()));
        let key = |i: u32| keys[i as usize].as_ref();
        let mut t = NameTrie::default();
        // Breadth first: nodes get ids in the order they are expanded, so each node's edges are
        // appended contiguously. A node is a range of sorted keys sharing a prefix of `depth`.
        let mut queue = std::collections::VecDeque::from([(0usize, order.len(), 0usize)]);
        t.terminal.push(NONE);
        while let Some((mut lo, hi, depth)) = queue.pop_front() {
            let node = t.starts.len();
            t.starts.push(t.labels.len() as u32);
            // The shortest key sorts first; if it ends here, this node accepts it.
            if lo < hi && key(order[lo]).len() == depth {
                t.terminal[node] = order[lo];
                lo += 1;
            }
            while lo < hi {
                let b = key(order[lo])[depth];
                let mut end = lo + 1;
                while end < hi && key(order[end])[depth] == b {
                    end += 1;
                }
                let child = t.terminal.len() as u32;
                t.terminal.push(NONE);
                t.labels.push(b);
                t.targets.push(child);
                queue.push_back((lo, end, depth + 1));
                lo = end;
            }
        }
        t.starts.push(t.labels.len() as u32);
        t.root = vec![NONE; 256];
        for k in t.starts[0] as usize..t.starts[1] as usize {
            t.root[t.labels[k] as usize] = t.targets[k];
        }
        t
    }

    /// The longest key that `bytes[at..]` starts with: (its end in `bytes`, its index).
    #[cfg(test)]
    pub fn longest_at(&self, bytes: &[u8], at: usize) -> Option<(usize, usize)> {
        let mut found = Vec::new();
        self.prefixes_at(bytes, at, &mut found);
        found.pop()
    }

    /// Every key that `bytes[at..]` starts with, shortest first, into `out` (cleared first):
    /// (its end in `bytes`, its index).
    pub fn prefixes_at(&self, bytes: &[u8], at: usize, out: &mut Vec<(usize, usize)>) {
        out.clear();
        let Some(&first) = bytes.get(at) else { return };
        let mut node = self.root[first as usize];
        let mut i = at + 1;
        loop {
            if node == NONE {
                return;
            }
            if self.terminal[node as usize] != NONE {
                out.push((i, self.terminal[node as usize] as usize));
            }
            let Some(&b) = bytes.get(i) else { return };
            let (s, e) = (self.starts[node as usize] as usize, self.starts[node as usize + 1] as usize);
            node = match self.labels[s..e].iter().position(|&l| l == b) {
                Some(k) => self.targets[s + k],
                None => NONE,
            };
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::NameTrie;

    #[test]
    fn finds_the_longest_key_at_a_position() {
        let keys = ["us", "u.s.", "united states", "united", "un", "kazakh", "kazakhstan"];
        let t = NameTrie::new(&keys);
        let at = |s: &'static str, i: usize| t.longest_at(s.as_bytes(), i).map(|(e, k)| (&s[i..e], keys[k]));
        assert_eq!(at("united states army", 0), Some(("united states", "united states")));
        assert_eq!(at("united nations", 0), Some(("united", "united")));
        assert_eq!(at("the u.s. said", 4), Some(("u.s.", "u.s.")));
        assert_eq!(at("kazakhstani", 0), Some(("kazakhstan", "kazakhstan")));
        assert_eq!(at("kazak", 0), None);
        assert_eq!(at("un", 0), Some(("un", "un")));
        assert_eq!(at("x", 0), None);
        assert_eq!(at("us", 2), None);
        assert!(NameTrie::new::<&str>(&[]).longest_at(b"abc", 0).is_none());
        let mut found = Vec::new();
        t.prefixes_at(b"united states", 0, &mut found);
        assert_eq!(found.iter().map(|&(_, k)| keys[k]).collect::<Vec<_>>(), ["un", "united", "united states"]);
    }
}
