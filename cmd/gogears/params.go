package main

// This file is the -param flag of run, deploy and watch: it binds the
// parameters (dsl.Param) of generated scripts from the command line.

import (
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/gogears/gogears/client"
	"github.com/gogears/gogears/dsl"
)

// paramFlags collects repeated -param name=value flags, in order.
type paramFlags []dsl.ParamValue

func (p *paramFlags) register(fs *flag.FlagSet) {
	fs.Var(p, "param", "bind a gear parameter, `name=value` (repeatable); a value that is valid JSON is sent as JSON, any other as a string")
}

// String implements flag.Value.
func (p *paramFlags) String() string {
	parts := make([]string, len(*p))
	for i, v := range *p {
		parts[i] = fmt.Sprintf("%s=%v", v.Name, v.Value)
	}
	return strings.Join(parts, ",")
}

// Set implements flag.Value. Values that parse as JSON keep their type
// (-param limit=10 binds the number 10), so typed parameters need no
// quoting; anything else (-param status=paid) is a string. Quote a string
// that looks like JSON: -param 'code="10"'.
func (p *paramFlags) Set(s string) error {
	name, val, ok := strings.Cut(s, "=")
	if !ok || name == "" {
		return fmt.Errorf("want name=value, as in -param limit=10")
	}
	var v any = val
	if json.Valid([]byte(val)) {
		v = json.RawMessage(val)
	}
	*p = append(*p, dsl.ParamValue{Name: name, Value: v})
	return nil
}

// bind returns s with the parameters substituted. Names the script's header
// does not declare are an error listing the declared ones.
func (p paramFlags) bind(path string, s client.Script) (client.Script, error) {
	if len(p) == 0 {
		return s, nil
	}
	declared := client.ParseHeader(s.Source).Params
	for _, v := range p {
		if !slices.Contains(declared, v.Name) {
			return s, undeclared(path, v.Name, "the script declares", declared)
		}
	}
	b, err := s.WithParams(p...)
	if err != nil {
		return s, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}

// bindEach returns the scripts with the parameters substituted in each
// script that declares them, for watch, which deploys all the
// registrations of a package: a parameter often concerns only some of its
// gears, so the others are deployed without it. A name that no script
// declares is an error listing what each declares; names[i] names
// scripts[i] there.
func (p paramFlags) bindEach(path string, names []string, scripts []client.Script) ([]client.Script, error) {
	declaredBy := map[string][]string{} // parameter name -> names of the scripts declaring it
	headers := make([][]string, len(scripts))
	for i, s := range scripts {
		headers[i] = client.ParseHeader(s.Source).Params
		for _, param := range headers[i] {
			declaredBy[param] = append(declaredBy[param], names[i])
		}
	}
	for _, v := range p {
		if declaredBy[v.Name] == nil {
			var declared []string
			for _, param := range slices.Sorted(maps.Keys(declaredBy)) {
				declared = append(declared, fmt.Sprintf("%s (%s)", param, strings.Join(declaredBy[param], ", ")))
			}
			return nil, undeclared(path, v.Name, "the registrations declare", declared)
		}
	}
	out := make([]client.Script, len(scripts))
	for i, s := range scripts {
		var mine []dsl.ParamValue
		for _, v := range p {
			if slices.Contains(headers[i], v.Name) {
				mine = append(mine, v)
			}
		}
		b, err := s.WithParams(mine...)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", names[i], err)
		}
		out[i] = b
	}
	return out, nil
}

// undeclared is the error for a -param name that the script (or scripts)
// at path does not declare. subject says what was searched, with its verb;
// declared lists what it declares.
func undeclared(path, name, subject string, declared []string) error {
	if len(declared) == 0 {
		return fmt.Errorf("%s: -param %s: %s no parameters; only scripts generated from gears with dsl.Param take -param", path, name, subject)
	}
	return fmt.Errorf("%s: -param %s: unknown parameter; %s %s", path, name, subject, strings.Join(declared, ", "))
}
