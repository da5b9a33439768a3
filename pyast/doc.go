// Package pyast is a syntax tree for the part of Python 3.7 that GoGears
// gear scripts use, and a printer that turns a tree into source text.
//
// The transpiler never concatenates Python text: it builds a [Module] and
// calls [Print] or [Fprint]. The output is deterministic, indented with
// four spaces, has two blank lines around top-level defs (one around
// nested ones), a pass in every empty suite, no trailing blanks, and ends
// with one newline.
//
// # Precedence
//
// The tree holds no parentheses. The printer adds the fewest that keep the
// tree's meaning under CPython's rules, listed at [Op]: a right operand
// binds one level tighter than its operator, ** is right-associative and
// its left operand binds tighter than a unary minus ((-1) ** 2), a
// comparison inside a comparison is parenthesized so it never chains, and
// a lambda or conditional expression inside an operator is parenthesized.
// Tuples print bare where the grammar allows (a, b = b, a; return a, b),
// with one exception for readability: a one-element tuple always prints
// as (x,) (a[x,] as an index), since a bare trailing comma is easy to
// miss.
//
// # Literals
//
// [Int] holds integers of any size, [Float] any float64: inf prints as the
// literal 1e999 (which CPython reads as inf), nan as float('nan'), and a
// negative number as a unary minus. [Str] holds text and must be valid
// UTF-8, because a Python str holds code points, not bytes: the printer
// refuses anything else with [ErrInvalidUTF8], and raw bytes go in a
// [Bytes] node. [Quote] and [QuoteBytes] render literals outside a tree;
// a literal never spans lines, so nothing can break out of it.
//
// # Names and comments
//
// [IsIdentifier], [IsKeyword], [IsSoftKeyword], [IsBuiltin] and
// [IsReserved] classify names, and [SafeName] derives one that shadows
// nothing Python defines. The printer refuses a keyword or non-identifier
// where a name goes, with [ErrInvalidIdentifier], and a builtin where a
// name is bound (def, parameter, target, except, import), with
// [ErrShadowsBuiltin]: reading len is fine, assigning it is an accident. [Comment] statements,
// the Comments of a [FunctionDef] (printed directly above its def line)
// and the header Comments of a [Module] must each be one line; split
// arbitrary text with [CommentLines].
//
// # Errors
//
// Printing a tree that cannot be printed faithfully returns an error
// wrapping [ErrInvalidTree], [ErrInvalidIdentifier], [ErrShadowsBuiltin],
// [ErrInvalidComment] or [ErrInvalidUTF8], with the output line reached and the offending
// node; it never panics and writes nothing.
//
// # Checking output
//
// [Dump] renders a tree in the format of CPython's ast.dump, as CPython
// would parse the printed text, so tests can compare the two; it also
// makes readable failure messages. [Inspect] walks a tree. Every node
// embeds a [Tag] whose Origin the creator may set (the transpiler records
// the Go position); pyast carries it and never prints it.
package pyast
