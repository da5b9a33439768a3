package client

import (
	"context"
)

// RequirementsCmdable is the commands that list and move the Python
// requirements (pip packages) installed on the server.
type RequirementsCmdable interface {
	// PyDumpReqs lists the installed requirements: `RG.PYDUMPREQS`.
	PyDumpReqs(ctx context.Context) ([]Requirement, error)
	// PyExportReq serializes a requirement: `RG.PYEXPORTREQ name`.
	PyExportReq(ctx context.Context, name string) (*ExportedRequirement, error)
	// PyImportReq installs a serialized requirement: `RG.PYIMPORTREQ chunk ...`.
	PyImportReq(ctx context.Context, chunks ...string) error
}

// PyDumpReqs lists the Python requirements known to the server with
// `RG.PYDUMPREQS`. RedisGears 1.0 reports fewer fields (Path, RefCount and
// IsInReqDictionary stay zero). An empty slice means none are installed.
//
//	reqs, err := c.PyDumpReqs(ctx)
//	for _, r := range reqs { fmt.Println(r.Name, r.IsInstalled) }
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgpydumpreqs
func (c *Client) PyDumpReqs(ctx context.Context) ([]Requirement, error) {
	v, err := c.call(ctx, "RG.PYDUMPREQS")
	if err != nil {
		return nil, err
	}
	return parseRequirements(v)
}

// PyExportReq serializes an installed requirement with `RG.PYEXPORTREQ
// name`, for installing it on a server without network access via
// PyImportReq. An unknown name gives ErrRequirementNotFound.
//
//	exp, err := c.PyExportReq(ctx, "numpy")
//	err = other.PyImportReq(ctx, exp.Chunks...)
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgpyexportreq
func (c *Client) PyExportReq(ctx context.Context, name string) (*ExportedRequirement, error) {
	v, err := c.call(ctx, "RG.PYEXPORTREQ", name)
	if err != nil {
		return nil, err
	}
	return parseExport(v)
}

// PyImportReq installs a requirement exported by PyExportReq on all shards
// with `RG.PYIMPORTREQ chunk ...`. Bad data fails (`Failed deserialize
// requirement`).
//
//	err := c.PyImportReq(ctx, exp.Chunks...)
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgpyimportreq
func (c *Client) PyImportReq(ctx context.Context, chunks ...string) error {
	const command = "RG.PYIMPORTREQ"
	v, err := c.call(ctx, appendStrings([]any{command}, chunks)...)
	if err != nil {
		return err
	}
	if s, ok := v.(string); !ok || !isOKText(s) {
		return badReply(command, "reply is %v, want OK", v)
	}
	return nil
}
