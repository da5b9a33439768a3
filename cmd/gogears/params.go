package main

// This file is the -param flag of run and deploy: it binds the parameters
// (dsl.Param) of a generated script from the command line.

import (
	"encoding/json"
	"flag"
	"fmt"
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
			if len(declared) == 0 {
				return s, fmt.Errorf("%s: -param %s: the script declares no parameters; only scripts generated from gears with dsl.Param take -param", path, v.Name)
			}
			return s, fmt.Errorf("%s: -param %s: unknown parameter; the script declares %s", path, v.Name, strings.Join(declared, ", "))
		}
	}
	b, err := s.WithParams(p...)
	if err != nil {
		return s, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}
