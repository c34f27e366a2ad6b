#!/usr/bin/env python3
"""Convene's contract solved by OR-Tools CP-SAT: the peer that `proof.py` measures Convene against.

Usage: cpsat.py INPUT [--output AGENDA] [--time-limit 120] [--workers 2] [--previous AGENDA
[--frozen-until TIME]] [--no-group-cuts] [--pair-budget N] [--room-choice-limit N] [--parameters
'name:value, ...'] [--log]. Prints one JSON line: {"objective", "bound", "status", "seconds", ...};
`seconds` is CP-SAT's wall time (the time to proof when status is optimal). The
agenda (contract JSON: placements with session, start, rooms, slots, times; costs; stats) goes to
--output, and `convene check INPUT --agenda AGENDA` must accept it with the same objective. Needs
`ortools` (PyPI), for measurement only: it is no dependency of Convene.

How it is modelled (every hard rule of CONTRACT.md, rules 1 to 12, and every cost):

- Domains first, exactly as Convene's `Domain` (gathering.py): per session, its valid starts
  (chain rule over back-to-back slots, slot tags, facilitators' availability, pinned slot, rule
  10's frozen past) and per start the rooms usable for the whole chain (tags, capacity
  ⌈attendance ÷ rooms⌉, unavailability, pinned room, frozen rooms). Rules 2, 3, 5 (availability),
  9 and 10 live there.
- One boolean x[s,t] per session and valid start. Rule 1: ExactlyOne for sessions that must be
  placed, AtMostOne for optional ones (placed[s] is their sum). The occupancy of slot k is the
  sum of the x whose chain covers k; slots are sorted and never overlap, so "concurrent" (sharing
  a slot) is "the index ranges intersect", and every rule below is written on indices.
- Rooms by classes (what Convene's integer program calls room classes): rooms with the same site
  and usable at exactly the same (session, start) pairs are interchangeable, so a session chooses
  how many rooms of each class it uses at its start (y[s,t,c], boolean for one-room sessions, x
  itself when one class is all it can use there; Σ_c y = rooms × x), never which one. Pinned rooms
  and rooms the previous agenda names stay alone. Rule 4: per class and slot, Σ y over the starts
  covering the slot ≤ the class's rooms open then (an AtMostOne for a single room). Concrete rooms
  are given after solving, class by class in start order, which always succeeds. When the
  (start, class) choices exceed --room-choice-limit (40,000: the large generated gatherings,
  whose many pinned rooms each form a class), a session chooses its classes once instead, and each
  class is a NoOverlap or Cumulative of optional intervals over slot indices.
- Rule 5 one-at-a-time, rule 8 (either side) and rule 6 (each session against the exclusive ones)
  are AtMostOne rows on slot occupancy. Rule 7: for each start θ of the later session,
  Σ_{t ≤ θ} x[s,t] + Σ_{starts of b ending after θ begins} x[b,·] ≤ 1. Rule 12: per person and day,
  Σ x of their starts that day ≤ maxPerDay. Rule 11 (when travel matters): u[s,site] (whether s's
  rooms include the site), differ[a,b] ≥ |u[a,σ] − u[b,σ]|, and per start of one session of a
  shared facilitator, x + Σ(the other's starts too close to it) + differ ≤ 2.
- Costs: clash and track overlap merge into one weight per pair of sessions that can run together
  (pairs kept apart by a hard rule have none). conc[a,b] is exact in both directions, so CP-SAT's
  objective is the contract objective of every agenda it finds: per start t of the session with
  fewer starts, conc ≥ x[a,t] + Σ x[b, starts overlapping t] − 1 and the converse clause. When
  those rows would exceed --pair-budget terms (250,000: the large generated gatherings), the
  lightest pairs use a compact form instead: start and end index variables, two half-reified
  comparisons and a clause, which bound conc from below only; should an agenda at the time limit
  carry such a conc above the truth, the agenda's own (lower) objective is the one reported, with
  CP-SAT's as `model_objective`. Group cuts strengthen the LP: for a track, or one attendee's
  interests (3 or more sessions), if S of them start in slot k at least C(S,2) of their pairs are
  concurrent, so
  w[G,k] ≥ j·S − j(j+1)/2 (j = 1 … the most that can start together − 1) and Σ_k w[G,k] ≤ Σ conc
  over G's pairs; the most crowded groups first, up to 60,000 rows. preference,
  personPreference (per facilitator) and unscheduled (priority) are linear in x and placed;
  change and roomChange (with --previous) compare with the previous start slot and, through
  single-room classes, its rooms.
- CP-SAT runs with its default parameters but the time limit and --workers (more with
  --parameters); `seconds` is its wall time, not counting the model's construction in Python
  (`model_seconds`).

Sessions with `runs` > 1 are refused: Convene places each session once.
"""
import argparse
import json
import math
import os
import sys
import tempfile
import time

from ortools.sat.python import cp_model

from gathering import Domain, Gathering, instant, local_text, read_previous


def overlap(a, b):
    """Whether two runs of slot indices share a slot."""
    return a.start < b.stop and b.start < a.stop


class Model:
    """The CP-SAT model of one gathering (see the module's docstring); `m` is the CpModel."""

    def __init__(self, g, d, group_cuts=True, pair_budget=250_000, room_choice_limit=40_000):
        self.g, self.d = g, d
        self.m = cp_model.CpModel()
        m = self.m
        S = g.sessions
        self.x = [[m.new_bool_var(f"x_{s}_{st['slot']}") for st in d.starts[s]] for s in range(len(S))]
        self.placed = []
        for s in range(len(S)):
            if d.must_place(s):
                m.add_exactly_one(self.x[s])
                self.placed.append(1)
            else:
                p = m.new_bool_var(f"placed_{s}")
                m.add(sum(self.x[s]) == p)
                self.placed.append(p)
        # occ[s][k]: the x of s whose chain covers slot k.
        self.occ = [dict() for _ in S]
        for s in range(len(S)):
            for i, st in enumerate(d.starts[s]):
                for k in st["chain"]:
                    self.occ[s].setdefault(k, []).append(self.x[s][i])
        self.mine = [[] for _ in g.people]
        for s, session in enumerate(S):
            for p in session["facilitators"]:
                self.mine[p].append(s)
        self.objective = []
        self.constant = 0
        self.index_vars = {}
        self.group_rows = 0
        self.room_choice_limit = room_choice_limit
        self.rooms()
        self.people_rules()
        self.exclusive_and_apart()
        self.after()
        self.travel()
        self.costs(group_cuts, pair_budget)
        m.minimize(cp_model.LinearExpr.sum(self.objective) + self.constant)

    # Rules 2 and 4 and the room choice, by room classes.
    def rooms(self):
        g, d, m = self.g, self.d, self.m
        alone = {r for s in range(len(g.sessions)) for st in d.starts[s] for r in st["required"]}
        if d.previous is not None:
            alone |= {g.room_index[r] for e in d.previous.values() for r in e["rooms"] if r in g.room_index}
        usable = [set() for _ in g.rooms]  # the (session, start) pairs where each room is usable
        for s in range(len(g.sessions)):
            for i, st in enumerate(d.starts[s]):
                for r in st["rooms"]:
                    usable[r].add((s, i))
        signature = {}
        self.classes = []
        for r in range(len(g.rooms)):
            key = ("alone", r) if r in alone else (g.site_of[r], frozenset(usable[r]))
            if key not in signature:
                signature[key] = len(self.classes)
                self.classes.append([])
            self.classes[signature[key]].append(r)
        self.class_of = {r: c for c, members in enumerate(self.classes) for r in members}
        choices = sum(len({self.class_of[r] for r in st["rooms"]}) for starts in d.starts for st in starts)
        self.by_start = choices <= self.room_choice_limit
        if not self.by_start:
            self.rooms_by_interval()
            return
        # y[s][i][c]: how many rooms of class c session s uses when it starts at its i-th start.
        self.y = [[] for _ in g.sessions]
        load = {}  # (class, slot) -> y terms
        for s, session in enumerate(g.sessions):
            need = session["rooms"]
            for i, st in enumerate(d.starts[s]):
                x = self.x[s][i]
                counts = {}
                for r in st["rooms"]:
                    counts[self.class_of[r]] = counts.get(self.class_of[r], 0) + 1
                required = {self.class_of[r] for r in st["required"]}
                here = {}
                if need == 1 and len(counts) == 1:
                    here[next(iter(counts))] = x
                elif need == 1:
                    for c in sorted(counts):
                        here[c] = m.new_bool_var(f"y_{s}_{i}_{c}")
                    m.add(sum(here.values()) == x)
                else:
                    for c in sorted(counts):
                        top = min(counts[c], need)
                        here[c] = x if c in required else m.new_int_var(0, top, f"y_{s}_{i}_{c}")
                    m.add(sum(here.values()) == need * x)
                for c in required:
                    m.add(here[c] == x)
                self.y[s].append(here)
                for c, v in here.items():
                    for k in st["chain"]:
                        load.setdefault((c, k), []).append(v)
        for (c, k), terms in sorted(load.items()):
            capacity = sum(1 for r in self.classes[c] if g.room_open(r, k))
            if len(terms) > capacity:
                m.add(sum(terms) <= capacity)

    def rooms_by_interval(self):
        """Rule 4 for large instances, where a choice per start and class would not fit: a session
        chooses its classes once (n[s,c], boolean for one-room sessions), a start forbids the classes
        not usable there, and per class a NoOverlap (one room) or Cumulative of optional intervals
        [start index, end index) present when s uses the class; plus, for the LP, per slot
        Σ rooms × occupancy ≤ the rooms open then."""
        g, d, m = self.g, self.d, self.m
        self.n = [dict() for _ in g.sessions]
        self.uses_cache = {}
        per_class = [[] for _ in self.classes]
        for s, session in enumerate(g.sessions):
            starts = d.starts[s]
            if not starts:
                continue
            need = session["rooms"]
            usable_at = [{self.class_of[r] for r in st["rooms"]} for st in starts]
            possible = sorted(set().union(*usable_at))
            T, E = self.indices(s)
            length = m.new_int_var(0, len(g.slots), f"L_{s}")
            m.add(length == E - T)
            uses = {}
            for c in possible:
                b = m.new_bool_var(f"b_{s}_{c}")
                if need == 1:
                    n = b
                else:
                    n = m.new_int_var(0, min(len(self.classes[c]), need), f"n_{s}_{c}")
                    m.add(n >= 1).only_enforce_if(b)
                    m.add(n == 0).only_enforce_if(b.negated())
                self.n[s][c], uses[c] = n, b
                for i, here in enumerate(usable_at):
                    if c not in here:
                        m.add_implication(self.x[s][i], b.negated())
                interval = m.new_optional_interval_var(T, length, E, b, f"i_{s}_{c}")
                per_class[c].append((interval, 1 if need == 1 else n))
            m.add(sum(self.n[s][c] for c in possible) == need * self.placed[s])
            for r in starts[0]["required"]:  # the same at every start (a pin, or a frozen place)
                m.add(self.n[s][self.class_of[r]] == self.placed[s])
            self.uses_cache[s] = uses
        for c, items in enumerate(per_class):
            if len(items) < 2:
                continue
            if len(self.classes[c]) == 1:
                m.add_no_overlap([i for i, _ in items])
            else:
                m.add_cumulative([i for i, _ in items], [n for _, n in items], len(self.classes[c]))
        for k in range(len(g.slots)):
            terms = [(g.sessions[s]["rooms"], x) for s in range(len(g.sessions)) for x in self.occ[s].get(k, [])]
            capacity = sum(1 for r in range(len(g.rooms)) if g.room_open(r, k))
            if sum(a for a, _ in terms) > capacity:
                m.add(sum(a * x for a, x in terms) <= capacity)

    def room_count(self, solver, s, i):
        """{class: rooms of it} that session s uses, placed at its i-th start."""
        if self.by_start:
            return {c: solver.value(v) for c, v in self.y[s][i].items()}
        return {c: solver.value(v) for c, v in self.n[s].items()}

    def uses_at(self, s, i, c):
        """0/1 expression: s starts at its i-th start and uses class c there (None: it cannot)."""
        if self.by_start:
            return self.y[s][i].get(c)
        b = self.uses(s).get(c)
        if b is None:
            return None
        both = self.m.new_bool_var(f"at_{s}_{i}_{c}")
        self.m.add_bool_and([self.x[s][i], b]).only_enforce_if(both)
        self.m.add_bool_or([self.x[s][i].negated(), b.negated()]).only_enforce_if(both.negated())
        return both

    def uses(self, s):
        """{class: 0/1 expression}: whether s uses a room of that class."""
        if not hasattr(self, "uses_cache"):
            self.uses_cache = {}
        if not self.by_start:
            return self.uses_cache.get(s, {})
        if s not in self.uses_cache:
            by_class = {}
            for here in self.y[s]:
                for c, v in here.items():
                    by_class.setdefault(c, []).append(v)
            found = {}
            for c, vs in by_class.items():
                if self.g.sessions[s]["rooms"] == 1:
                    found[c] = sum(vs)
                else:
                    b = self.m.new_bool_var(f"b_{s}_{c}")
                    self.m.add(sum(vs) >= 1).only_enforce_if(b)
                    self.m.add(sum(vs) == 0).only_enforce_if(b.negated())
                    found[c] = b
            self.uses_cache[s] = found
        return self.uses_cache[s]

    # Rule 5 (one session at a time) and rule 12 (daily load).
    def people_rules(self):
        g, d, m = self.g, self.d, self.m
        for p, sessions in enumerate(self.mine):
            if len(sessions) > 1:
                for k in range(len(g.slots)):
                    if sum(1 for s in sessions if k in self.occ[s]) > 1:
                        m.add_at_most_one([x for s in sessions for x in self.occ[s].get(k, [])])
            most = g.people[p]["maxPerDay"]
            if most is not None:
                by_day = {}
                for s in sessions:
                    for i, st in enumerate(d.starts[s]):
                        by_day.setdefault(g.day_of[st["slot"]], []).append(self.x[s][i])
                for terms in by_day.values():
                    if len(terms) > most:
                        m.add(sum(terms) <= most)

    # Rules 6 (exclusive) and 8 (notConcurrentWith, either side).
    def exclusive_and_apart(self):
        g, m = self.g, self.m
        exclusive = [s for s, session in enumerate(g.sessions) if session["exclusive"]]
        for k in range(len(g.slots)):
            here = [e for e in exclusive if k in self.occ[e]]
            if not here:
                continue
            for o in range(len(g.sessions)):
                if k not in self.occ[o]:
                    continue
                terms = list(self.occ[o][k]) + [x for e in here if e != o for x in self.occ[e][k]]
                if len(terms) > len(self.occ[o][k]):
                    m.add_at_most_one(terms)
        for a, b in sorted(self.apart_pairs()):
            for k in self.occ[a].keys() & self.occ[b].keys():
                m.add_at_most_one(self.occ[a][k] + self.occ[b][k])

    def apart_pairs(self):
        return {(min(s, o), max(s, o)) for s, session in enumerate(self.g.sessions) for o in session["notConcurrentWith"]}

    # Rule 7.
    def after(self):
        g, d, m = self.g, self.d, self.m
        for s, session in enumerate(g.sessions):
            for b in session["after"]:
                for theta in sorted({st["slot"] for st in d.starts[s]}):
                    early = [x for st, x in zip(d.starts[s], self.x[s]) if st["slot"] <= theta]
                    late = [x for st, x in zip(d.starts[b], self.x[b]) if not g.starts_after(theta, st["chain"])]
                    if early and late:
                        m.add_at_most_one(early + late)

    # Rule 11.
    def travel(self):
        g, d, m = self.g, self.d, self.m
        if not g.travel_matters():
            return
        site_of_class = [g.site_of[members[0]] for members in self.classes]
        at_sites = {}

        def sites(s):
            """{site: 0/1 expression}: whether s's rooms include that site."""
            if s not in at_sites:
                by_site = {}
                for c, b in self.uses(s).items():
                    by_site.setdefault(site_of_class[c], []).append(b)
                found = {}
                for site, bs in by_site.items():
                    if len(by_site) == 1:
                        found[site] = self.placed[s]
                    elif g.sessions[s]["rooms"] == 1 or len(bs) == 1:
                        found[site] = sum(bs)
                    else:
                        u = m.new_bool_var(f"u_{s}_{site}")
                        m.add_max_equality(u, bs)
                        found[site] = u
                at_sites[s] = found
            return at_sites[s]

        pairs = {(min(a, b), max(a, b)) for sessions in self.mine for i, a in enumerate(sessions) for b in sessions[i + 1:]}
        for a, b in sorted(pairs):
            close = [[j for j, tb in enumerate(d.starts[b]) if g.too_close(ta["chain"], tb["chain"])] for ta in d.starts[a]]
            if not any(close):
                continue
            ua, ub = sites(a), sites(b)
            if len(ua) == 1 and ua.keys() == ub.keys():
                continue  # both only ever at the same single site
            differ = m.new_bool_var(f"differ_{a}_{b}")
            for site in ua.keys() | ub.keys():
                va, vb = ua.get(site, 0), ub.get(site, 0)
                m.add(differ >= va - vb)
                m.add(differ >= vb - va)
            for i, js in enumerate(close):
                if js:
                    m.add(self.x[a][i] + sum(self.x[b][j] for j in js) + differ <= 2)

    # The objective.
    def costs(self, group_cuts, pair_budget):
        g, d, m = self.g, self.d, self.m
        w = g.weights
        for s, session in enumerate(g.sessions):
            for st, x in zip(d.starts[s], self.x[s]):
                cost = 0
                if g.misses_preference(s, st["chain"]):
                    cost += w["preference"] * session["preferWeight"]
                cost += w["personPreference"] * len(g.outside_preferred(s, st["chain"]))
                if cost:
                    self.objective.append(cost * x)
            if session["optional"] and not d.must_place(s):
                cost = w["unscheduled"] * session["priority"]
                self.constant += cost
                self.objective.append(-cost * self.placed[s])
        if d.previous is not None:
            self.change_costs()
        self.conc = {}
        apart = self.forced_apart()
        covering = [dict() for _ in g.sessions]  # slot -> indices of the session's starts covering it
        for s in range(len(g.sessions)):
            for i, st in enumerate(d.starts[s]):
                for k in st["chain"]:
                    covering[s].setdefault(k, []).append(i)
        candidates = sorted((-weight, a, b) for (a, b), weight in g.pair_weights().items()
                            if (a, b) not in apart and covering[a].keys() & covering[b].keys())
        self.compact_pairs = 0
        budget = pair_budget
        for negative, a, b in candidates:  # the heaviest pairs first
            if len(d.starts[b]) < len(d.starts[a]):
                a, b = b, a
            c = m.new_bool_var(f"conc_{a}_{b}")
            by_starts = False
            if budget > 0:
                overlapping = [sorted({j for k in st["chain"] for j in covering[b].get(k, [])}) for st in d.starts[a]]
                size = sum(len(js) + 2 for js in overlapping if js)
                by_starts = size <= budget
                budget = budget - size if by_starts else 0
                if by_starts:
                    self.pair_by_starts(c, a, b, overlapping)
            if not by_starts:
                self.compact_pairs += 1
                self.pair_by_indices(c, a, b)
            self.conc[(min(a, b), max(a, b))] = c
            self.objective.append(-negative * c)
        if group_cuts:
            self.group_cuts()

    def pair_by_starts(self, c, a, b, overlapping):
        """c = [a and b are concurrent], per start of a: c ≥ x[a,t] + Σ x[b, overlapping t] − 1, and
        clauses for the converse."""
        m = self.m
        for i, js in enumerate(overlapping):
            if js:
                m.add(c >= self.x[a][i] + sum(self.x[b][j] for j in js) - 1)
            m.add_bool_or([c.negated(), self.x[a][i].negated()] + [self.x[b][j] for j in js])
        m.add_bool_or([c.negated()] + self.x[a])

    def pair_by_indices(self, c, a, b):
        """c ≥ [a and b are concurrent] in three constraints, for instances where the rows per start
        would not fit: if both are placed, a starts before b ends and b before a ends, c is 1. (Only
        this direction: c may exceed the truth in an agenda CP-SAT has not finished improving; the
        agenda's objective is then recomputed, see main.)"""
        m = self.m
        Ta, Ea = self.indices(a)
        Tb, Eb = self.indices(b)
        first = m.new_bool_var(f"before_{a}_{b}")
        second = m.new_bool_var(f"before_{b}_{a}")
        m.add(Ta >= Eb).only_enforce_if(first.negated())
        m.add(Tb >= Ea).only_enforce_if(second.negated())
        literals = [first, second] + [p for p in (self.placed[a], self.placed[b]) if not isinstance(p, int)]
        m.add_bool_or([c] + [v.negated() for v in literals])

    def indices(self, s):
        """Start and end (exclusive) slot index of s (0 when it is not placed)."""
        if s not in self.index_vars:
            m, starts, top = self.m, self.d.starts[s], len(self.g.slots)
            T, E = m.new_int_var(0, top, f"T_{s}"), m.new_int_var(0, top, f"E_{s}")
            m.add(T == sum(st["slot"] * x for st, x in zip(starts, self.x[s])))
            m.add(E == sum(st["chain"].stop * x for st, x in zip(starts, self.x[s])))
            self.index_vars[s] = (T, E)
        return self.index_vars[s]

    def forced_apart(self):
        """Pairs that a hard rule keeps apart (shared facilitator, exclusive, rule 8): never concurrent."""
        g = self.g
        apart = self.apart_pairs()
        for sessions in self.mine:
            apart |= {(min(a, b), max(a, b)) for i, a in enumerate(sessions) for b in sessions[i + 1:]}
        exclusive = [s for s, session in enumerate(g.sessions) if session["exclusive"]]
        apart |= {(min(e, o), max(e, o)) for e in exclusive for o in range(len(g.sessions)) if o != e}
        return apart

    def group_cuts(self, budget=60_000):
        """Tangent rows for the groups (tracks, attendees' interests) whose sessions are most crowded
        (sessions per start slot) first, while they need at most `budget` rows in all."""
        g, d, m = self.g, self.d, self.m
        groups = set()
        if g.weights["clash"] > 0:
            groups |= {frozenset(a["interests"]) for a in g.attendees if len(a["interests"]) >= 3}
        if g.weights["trackOverlap"] > 0:
            groups |= {frozenset(members) for members in g.tracks().values() if len(members) >= 3}
        plans = []
        for group in groups:
            members = sorted(group)
            pairs = [self.conc[(a, b)] for i, a in enumerate(members) for b in members[i + 1:] if (a, b) in self.conc]
            starting = {}
            for s in members:
                for st, x in zip(d.starts[s], self.x[s]):
                    starting.setdefault(st["slot"], []).append(x)
            most = min(len(members), len(g.rooms))
            slots = [(k, xs, min(len(xs), most)) for k, xs in sorted(starting.items()) if len(xs) >= 2]
            if pairs and slots:
                rows = sum(top for _, _, top in slots)
                plans.append((-len(members) / max(1, len(starting)), members, pairs, slots, rows))
        plans.sort(key=lambda p: (p[0], p[1]))
        self.group_rows = 0
        for number, (_, members, pairs, slots, rows) in enumerate(plans):
            if self.group_rows + rows > budget:
                continue
            self.group_rows += rows
            bounds = []
            for k, xs, top in slots:
                wk = m.new_int_var(0, top * (top - 1) // 2, f"w_{number}_{k}")
                for j in range(1, top):
                    m.add(wk >= j * sum(xs) - j * (j + 1) // 2)
                bounds.append(wk)
            m.add(sum(bounds) <= sum(pairs))

    def change_costs(self):
        g, d, m = self.g, self.d, self.m
        w = g.weights
        for s, session in enumerate(g.sessions):
            before = d.previous.get(session["id"])
            if before is None:
                continue
            self.constant += w["change"]
            at = [i for i, st in enumerate(d.starts[s]) if g.slots[st["slot"]]["id"] == before["start"]]
            if not at:
                continue
            # change × (1 − x) + roomChange × (x − kept)
            i = at[0]
            x = self.x[s][i]
            self.objective.append((w["roomChange"] - w["change"]) * x)
            rooms = [g.room_index.get(r) for r in before["rooms"]]
            if None in rooms or len(rooms) != session["rooms"]:
                continue
            uses = [self.uses_at(s, i, self.class_of[r]) for r in rooms]  # single-room classes: 0/1
            if any(u is None for u in uses):
                continue
            kept = m.new_bool_var(f"kept_{s}")
            for u in uses:
                m.add(kept <= u)
            m.add(kept >= sum(uses) - (len(uses) - 1))
            self.objective.append(-w["roomChange"] * kept)

    # The agenda.
    def placements(self, solver):
        """{session: (start slot, chain, rooms)}, the rooms of each class given in start order."""
        g, d = self.g, self.d
        chosen = {}
        for s in range(len(g.sessions)):
            for i, x in enumerate(self.x[s]):
                if solver.value(x):
                    chosen[s] = i
        busy = {}  # room -> chains
        placed = {}
        for s in sorted(chosen, key=lambda s: (d.starts[s][chosen[s]]["slot"], s)):
            i = chosen[s]
            st = d.starts[s][i]
            rooms = []
            for c, count in sorted(self.room_count(solver, s, i).items()):
                free = [r for r in self.classes[c] if r in st["rooms"]
                        and not any(overlap(ch, st["chain"]) for ch in busy.get(r, []))]
                if len(free) < count:
                    raise RuntimeError(f"no free room of class {c} for session {g.sessions[s]['id']}: a model bug")
                rooms += free[:count]
            for r in rooms:
                busy.setdefault(r, []).append(st["chain"])
            placed[s] = (st["slot"], st["chain"], sorted(rooms))
        return placed


def agenda_document(g, placed, status, objective, bound, costs, seconds):
    z = g.zone
    placements = []
    for s, (start, chain, rooms) in sorted(placed.items(), key=lambda kv: (kv[1][0], kv[1][2][0] if kv[1][2] else 0, kv[0])):
        placements.append({
            "session": g.sessions[s]["id"], "start": g.slots[start]["id"], "rooms": [g.rooms[r]["id"] for r in rooms],
            "slots": [g.slots[k]["id"] for k in chain], "startTime": local_text(g.slots[chain.start]["start"], z),
            "endTime": local_text(g.slots[chain[-1]]["end"], z)})
    unscheduled = [session["id"] for s, session in enumerate(g.sessions) if session["optional"] and s not in placed]
    return {"convene": 1, "status": status, "solver": "cp-sat", "objective": objective, "bound": bound,
            "placements": placements, "unscheduled": unscheduled, "costs": costs, "stats": {"seconds": round(seconds, 3)}}


def write_atomically(path, text):
    folder = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".cpsat-")
    with os.fdopen(fd, "w") as f:
        f.write(text)
    os.replace(temporary, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input")
    parser.add_argument("--output", help="write the agenda (contract JSON) here")
    parser.add_argument("--time-limit", type=float, default=120.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--previous", help="the previous agenda (change and roomChange costs, rule 10)")
    parser.add_argument("--frozen-until", help="rule 10's time, written like the input's times; needs --previous")
    parser.add_argument("--no-group-cuts", action="store_true", help="leave the group cuts out of the model")
    parser.add_argument("--pair-budget", type=int, default=250_000, help="most terms in pair rows per start (beyond: compact pairs)")
    parser.add_argument("--room-choice-limit", type=int, default=40_000,
                        help="most (start, room class) choices for rooms chosen per start (beyond: per session, with intervals)")
    parser.add_argument("--log", action="store_true", help="CP-SAT's search log on standard error")
    parser.add_argument("--parameters", default="", help="more CP-SAT parameters, such as 'linearization_level:2, symmetry_level:3'")
    args = parser.parse_args()
    if args.frozen_until and not args.previous:
        parser.error("--frozen-until needs --previous")

    began = time.perf_counter()
    with open(args.input) as f:
        g = Gathering(json.load(f))
    previous = read_previous(args.previous) if args.previous else None
    until = instant(args.frozen_until, g.zone) if args.frozen_until else None
    d = Domain(g, previous, until)
    model = Model(g, d, group_cuts=not args.no_group_cuts, pair_budget=args.pair_budget, room_choice_limit=args.room_choice_limit)
    built = time.perf_counter() - began

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = args.time_limit
    solver.parameters.num_workers = args.workers
    solver.parameters.log_search_progress = args.log
    solver.parameters.log_to_stdout = False
    for item in filter(None, (part.strip() for part in args.parameters.split(","))):
        key, value = (part.strip() for part in item.split(":", 1))
        setattr(solver.parameters, key, {"true": True, "false": False}.get(value.lower(), None) if value.lower() in ("true", "false")
                else type(getattr(solver.parameters, key))(value))
    if args.log:
        solver.log_callback = lambda line: print(line, file=sys.stderr)
    code = solver.solve(model.m)
    seconds = solver.wall_time
    status = {cp_model.OPTIMAL: "optimal", cp_model.FEASIBLE: "feasible", cp_model.INFEASIBLE: "infeasible"}.get(code, "unknown")
    objective = bound = None
    extra = {}
    if status in ("optimal", "feasible"):
        objective = round(solver.objective_value)
        bound = math.ceil(solver.best_objective_bound - 1e-6)  # the objective is whole, so is its bound
        placed = model.placements(solver)
        costs = g.costs(placed, previous)
        recomputed = sum(c["cost"] for c in costs)
        if recomputed != objective and (status == "optimal" or not model.compact_pairs or recomputed > objective):
            print(f"cpsat.py: the model's objective {objective} differs from the agenda's costs {recomputed}: a model bug",
                  file=sys.stderr)
            sys.exit(2)
        if recomputed != objective:  # compact pair indicators above the truth in an unfinished agenda
            extra["model_objective"] = objective
            objective = recomputed
        if args.output:
            write_atomically(args.output, json.dumps(agenda_document(g, placed, status, objective, bound, costs, seconds), indent=1,
                                                     ensure_ascii=False) + "\n")
    elif args.output:
        write_atomically(args.output, json.dumps(agenda_document(g, {}, status, None, None, [], seconds), indent=1) + "\n")
    if status == "infeasible":
        bound = None
    print(json.dumps({"objective": objective, "bound": bound, "status": status, "seconds": round(seconds, 3),
                      "model_seconds": round(built, 3), "variables": len(model.m.proto.variables),
                      "constraints": len(model.m.proto.constraints), "rooms": "per start" if model.by_start else "per session",
                      "compact_pairs": model.compact_pairs,
                      "group_rows": model.group_rows, **extra}))
    sys.exit(0 if objective is not None else 1)


if __name__ == "__main__":
    main()
