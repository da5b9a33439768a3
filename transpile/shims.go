package transpile

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// The Python runtime shims live in shims/*.py as ordinary Python so they
// can be read, linted and tested directly. Each top-level def, class or
// assignment whose name starts with _gg_ or _Gg is one shim; a script gets
// only the shims it uses and those they use in turn.
//
//go:embed shims/*.py
var shimFS embed.FS

// A shim is one top-level Python definition from shims/*.py, with any
// module-level statement that follows it (codecs.register_error).
type shim struct {
	name  string
	file  string
	order int      // position across all files, so output order is stable
	src   string   // the definition's source text
	deps  []string // other shims it mentions
	mods  []string // standard modules it uses (math, struct...)
}

var (
	shimsOnce sync.Once
	shimTable map[string]*shim
)

var (
	shimDefRE  = regexp.MustCompile(`^(?:def|class) (_[gG]g_?\w*)|^(_gg_\w+) = `)
	shimNameRE = regexp.MustCompile(`\b_[gG]g_?\w*\b`)
	shimModRE  = regexp.MustCompile(`\b(math|struct|time|base64|unicodedata|functools|codecs|json)\.`)
)

// loadShims splits the embedded shim files into definitions.
func loadShims() map[string]*shim {
	shimsOnce.Do(func() {
		shimTable = map[string]*shim{}
		files, _ := shimFS.ReadDir("shims")
		order := 0
		for _, f := range files {
			data, _ := shimFS.ReadFile("shims/" + f.Name())
			var cur *shim
			var body []string
			flush := func() {
				if cur != nil {
					cur.src = strings.TrimRight(strings.Join(body, "\n"), "\n") + "\n"
					if _, dup := shimTable[cur.name]; dup {
						panic("shim " + cur.name + " defined twice")
					}
					shimTable[cur.name] = cur
				}
				cur, body = nil, nil
			}
			for _, line := range strings.Split(string(data), "\n") {
				if m := shimDefRE.FindStringSubmatch(line); m != nil {
					flush()
					name := m[1] + m[2]
					order++
					cur = &shim{name: name, file: f.Name(), order: order}
				}
				if cur != nil {
					body = append(body, line)
				}
			}
			flush()
		}
		for _, s := range shimTable {
			seen := map[string]bool{s.name: true}
			for _, n := range shimRefs(s.src) {
				if !seen[n] {
					seen[n] = true
					if _, ok := shimTable[n]; ok {
						s.deps = append(s.deps, n)
					}
				}
			}
			ms := map[string]bool{}
			for _, m := range shimModRE.FindAllStringSubmatch(s.src, -1) {
				ms[m[1]] = true
			}
			for m := range ms {
				s.mods = append(s.mods, m)
			}
			sort.Strings(s.mods)
		}
	})
	return shimTable
}

// shimRefs returns the shim names src refers to: identifiers outside
// comments that are neither attributes (x._gg_copy) nor method names.
func shimRefs(src string) []string {
	var out []string
	for _, line := range strings.Split(src, "\n") {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		for _, m := range shimNameRE.FindAllStringIndex(line, -1) {
			before := line[:m[0]]
			if strings.HasSuffix(before, ".") || strings.HasSuffix(strings.TrimRight(before, " "), "def") {
				continue
			}
			out = append(out, line[m[0]:m[1]])
		}
	}
	return out
}

// isShimName reports whether name is taken by a shim or the shim prefix,
// so user identifiers never collide with one.
func isShimName(name string) bool {
	return strings.HasPrefix(name, "_gg") || strings.HasPrefix(name, "_Gg")
}

// shimSet records which shims a script uses.
type shimSet map[string]bool

// use marks a shim as used and returns its name, for building calls.
func (s shimSet) use(name string) string {
	if _, ok := loadShims()[name]; !ok {
		panic(fmt.Sprintf("unknown shim %s", name))
	}
	s[name] = true
	return name
}

// shimSources caches shimSet.source by the sorted names of the used
// shims: the gears of a package mostly use the same few sets, and joining
// 20 KB of shims per gear was a tenth of gen's translation time.
var shimSources sync.Map // string -> shimSource

// shimSource is one cached result of shimSet.source.
type shimSource struct {
	src     string
	modules []string
}

// source returns the Python source of the used shims and their
// dependencies in a stable order, and the modules they import. Callers
// must not modify modules.
func (s shimSet) source() (src string, modules []string) {
	names := make([]string, 0, len(s))
	for n := range s {
		names = append(names, n)
	}
	sort.Strings(names)
	key := strings.Join(names, " ")
	if v, ok := shimSources.Load(key); ok {
		ss := v.(shimSource)
		return ss.src, ss.modules
	}
	src, modules = s.build()
	shimSources.Store(key, shimSource{src, modules})
	return src, modules
}

// build is source without the cache.
func (s shimSet) build() (src string, modules []string) {
	table := loadShims()
	all := map[string]bool{}
	var visit func(string)
	visit = func(n string) {
		if all[n] {
			return
		}
		all[n] = true
		for _, d := range table[n].deps {
			visit(d)
		}
	}
	for n := range s {
		visit(n)
	}
	list := make([]*shim, 0, len(all))
	mods := map[string]bool{}
	for n := range all {
		list = append(list, table[n])
		for _, m := range table[n].mods {
			mods[m] = true
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].order < list[j].order })
	var b strings.Builder
	for i, sh := range list {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(sh.src)
	}
	for m := range mods {
		modules = append(modules, m)
	}
	sort.Strings(modules)
	return b.String(), modules
}

var (
	shimDigestOnce sync.Once
	shimDigestVal  string
)

// shimDigest returns a digest of all shim sources, part of every source
// hash so a changed shim makes generated scripts stale.
func shimDigest() string {
	shimDigestOnce.Do(func() {
		h := sha256.New()
		files, _ := shimFS.ReadDir("shims")
		for _, f := range files {
			data, _ := shimFS.ReadFile("shims/" + f.Name())
			h.Write(data)
		}
		shimDigestVal = hex.EncodeToString(h.Sum(nil))
	})
	return shimDigestVal
}
