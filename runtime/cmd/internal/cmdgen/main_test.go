package main

import (
	"os"
	"testing"

	"github.com/gogears/gogears/runtime/cmd/spec"
)

// TestGeneratedUpToDate fails when runtime/cmd/commands_generated.go does
// not match the command table.
func TestGeneratedUpToDate(t *testing.T) {
	want, err := generate(spec.Commands)
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	got, err := os.ReadFile("../../commands_generated.go")
	if err != nil {
		t.Fatalf("reading generated file: %v; run `go generate ./runtime/cmd`", err)
	}
	if string(got) != string(want) {
		t.Errorf("runtime/cmd/commands_generated.go is stale: run `go generate ./runtime/cmd`")
	}
}
