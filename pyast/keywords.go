package pyast

import (
	"fmt"
	"strconv"
	"strings"
)

// keywords are Python 3.7's reserved words (keyword.kwlist); async and
// await became reserved in 3.7.
var keywords = setOf(`False None True and as assert async await break class
	continue def del elif else except finally for from global if import in is
	lambda nonlocal not or pass raise return try while with yield`)

// softKeywords are reserved only in some contexts by later Pythons; a
// script that avoids them reads the same under every version.
var softKeywords = setOf(`_ case match type`)

// builtins are the names of Python's builtins module (3.7 plus those later
// versions added), which a generated name must not shadow.
var builtins = setOf(`ArithmeticError AssertionError AttributeError
	BaseException BaseExceptionGroup BlockingIOError BrokenPipeError
	BufferError BytesWarning ChildProcessError ConnectionAbortedError
	ConnectionError ConnectionRefusedError ConnectionResetError
	DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError
	Exception ExceptionGroup False FileExistsError FileNotFoundError
	FloatingPointError FutureWarning GeneratorExit IOError ImportError
	ImportWarning IndentationError IndexError InterruptedError
	IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError
	ModuleNotFoundError NameError None NotADirectoryError NotImplemented
	NotImplementedError OSError OverflowError PendingDeprecationWarning
	PermissionError ProcessLookupError PythonFinalizationError RecursionError
	ReferenceError ResourceWarning RuntimeError RuntimeWarning
	StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError
	SystemExit TabError TimeoutError True TypeError UnboundLocalError
	UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError
	UnicodeWarning UserWarning ValueError Warning ZeroDivisionError
	__build_class__ __debug__ __doc__ __import__ __loader__ __name__
	__package__ __spec__ abs aiter all anext any ascii bin bool breakpoint
	bytearray bytes callable chr classmethod compile complex copyright credits
	delattr dict dir divmod enumerate eval exec exit filter float format
	frozenset getattr globals hasattr hash help hex id input int isinstance
	issubclass iter len license list locals map max memoryview min next object
	oct open ord pow print property quit range repr reversed round set setattr
	slice sorted staticmethod str sum super tuple type vars zip`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// IsKeyword reports whether name is a reserved word of Python 3.7, such as
// def, lambda, async or None.
func IsKeyword(name string) bool { return keywords[name] }

// IsSoftKeyword reports whether name is a soft keyword of some Python
// version (_, case, match, type). They are valid names, but generated code
// avoids them.
func IsSoftKeyword(name string) bool { return softKeywords[name] }

// IsBuiltin reports whether name is defined by Python's builtins module,
// such as len, list or __debug__.
func IsBuiltin(name string) bool { return builtins[name] }

// IsIdentifier reports whether name is an ASCII Python identifier: a
// letter or underscore, then letters, digits and underscores. Keywords are
// identifiers too; see [IsKeyword]. pyast accepts only ASCII names because
// Python folds non-ASCII names with NFKC, so two different Go names could
// become one Python name.
func IsIdentifier(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// IsReserved reports whether name must not be used for a new binding: a
// keyword, a soft keyword or a builtin.
func IsReserved(name string) bool {
	return IsKeyword(name) || IsSoftKeyword(name) || IsBuiltin(name)
}

// SafeName returns a Python identifier for name that is not reserved
// ([IsReserved]) and for which taken reports false; taken may be nil.
//
// A valid, free, unreserved name comes back unchanged. Otherwise bytes
// outside [A-Za-z0-9_] become _uXXXX (the code point in hex), a leading
// digit gets a "_" prefix, a reserved name gets a "_" suffix (list_), and
// then _2, _3, ... is appended until taken reports false. The result is
// deterministic.
func SafeName(name string, taken func(string) bool) string {
	var b strings.Builder
	for i, r := range name {
		switch {
		case r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z':
			b.WriteRune(r)
		case '0' <= r && r <= '9':
			if i == 0 {
				b.WriteByte('_')
			}
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "_u%04x", r)
		}
	}
	base := b.String()
	if base == "" {
		base = "_"
	}
	if IsReserved(base) {
		base += "_"
	}
	if taken == nil || !taken(base) {
		return base
	}
	for n := 2; ; n++ {
		if s := base + "_" + strconv.Itoa(n); !taken(s) {
			return s
		}
	}
}
