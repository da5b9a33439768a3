package transpile

import (
	"go/types"
	"strings"

	"github.com/gogears/gogears/pyast"
)

// scriptGlobals are names a gear script must not rebind: the RedisGears
// builtins it calls, the modules shims import, and the parameter dict.
var scriptGlobals = map[string]bool{
	"GB": true, "GearsBuilder": true, "execute": true, "atomic": true, "hashtag": true, "log": true,
	"configGet": true, "gearsConfigGet": true, "call_next": true, "get_command": true,
	"override_reply": true, "flat_error": true, "json": true, "math": true, "struct": true,
	"time": true, "base64": true, "unicodedata": true, "functools": true, "codecs": true,
	"GG_PARAMS": true, "loop": true, "registerTE": true, "gearsCtx": true, "copy": true,
}

// A scope maps Go objects to Python names inside one Python function (or
// the module). Python scopes are whole functions, so every Go object gets
// its own name, renamed by object identity: shadowing in Go becomes two
// names in Python. A nested def sees its parents' names, so a new name is
// unique along the whole chain.
type scope struct {
	parent *scope
	names  map[types.Object]string
	taken  map[string]bool
	// locals, in the module scope only, records every name taken by any
	// function: module-level names (classes, functions) are made lazily,
	// possibly after a local of the same name, which would shadow them.
	locals map[string]bool
}

func newScope(parent *scope) *scope {
	s := &scope{parent: parent, names: map[types.Object]string{}, taken: map[string]bool{}}
	if parent == nil {
		s.locals = map[string]bool{}
	}
	return s
}

// root returns the module scope.
func (s *scope) root() *scope {
	for s.parent != nil {
		s = s.parent
	}
	return s
}

// isTaken reports whether name is used in s or any enclosing scope, or is
// reserved for the script.
func (s *scope) isTaken(name string) bool {
	if scriptGlobals[name] || isShimName(name) {
		return true
	}
	for x := s; x != nil; x = x.parent {
		if x.taken[name] {
			return true
		}
	}
	return s.parent == nil && s.locals[name]
}

// fresh returns a new name based on base, unique along the chain.
func (s *scope) fresh(base string) string {
	n := pyast.SafeName(base, s.isTaken)
	s.taken[n] = true
	if s.parent != nil {
		s.root().locals[n] = true
	}
	return n
}

// declare names obj in s.
func (s *scope) declare(obj types.Object) string {
	n := s.fresh(obj.Name())
	s.names[obj] = n
	return n
}

// lookup returns obj's name and the scope that declared it.
func (s *scope) lookup(obj types.Object) (string, *scope) {
	for x := s; x != nil; x = x.parent {
		if n, ok := x.names[obj]; ok {
			return n, x
		}
	}
	return "", nil
}

// attrName returns the Python attribute for a Go struct field: keywords
// and the shim prefix cannot be attributes, so they get a trailing "_".
func attrName(field string) string {
	if strings.HasPrefix(field, "__") {
		// A class attribute __x would be name-mangled by Python (and __x_
		// too); _gg__x cannot be another field's name (those get a "_").
		return "_gg" + field
	}
	if pyast.IsKeyword(field) || pyast.IsSoftKeyword(field) || strings.HasPrefix(field, "_gg") {
		return field + "_"
	}
	return field
}
