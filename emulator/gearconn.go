package emulator

import (
	"io"
	"net"

	"github.com/tidwall/redcon"
)

// gearConn is the redcon.Conn an RG.* command sees when a gear sends it
// with execute() (RedisGears' own shardReaderCallback calls
// RG.INFOCLUSTER): the reply is captured instead of written to a socket.
type gearConn struct {
	w   *redcon.Writer
	buf *captureBuffer
	ctx any
}

type captureBuffer struct{ b []byte }

func (c *captureBuffer) Write(p []byte) (int, error) {
	c.b = append(c.b, p...)
	return len(p), nil
}

func newGearConn() *gearConn {
	buf := &captureBuffer{}
	return &gearConn{w: redcon.NewWriter(buf), buf: buf, ctx: &client{authed: true}}
}

// reply returns the captured RESP.
func (g *gearConn) reply() []byte {
	g.w.Flush()
	return g.buf.b
}

func (g *gearConn) RemoteAddr() string                  { return "gear" }
func (g *gearConn) Close() error                        { return nil }
func (g *gearConn) WriteError(msg string)               { g.w.WriteError(msg) }
func (g *gearConn) WriteString(str string)              { g.w.WriteString(str) }
func (g *gearConn) WriteBulk(bulk []byte)               { g.w.WriteBulk(bulk) }
func (g *gearConn) WriteBulkString(bulk string)         { g.w.WriteBulkString(bulk) }
func (g *gearConn) WriteInt(num int)                    { g.w.WriteInt(num) }
func (g *gearConn) WriteInt64(num int64)                { g.w.WriteInt64(num) }
func (g *gearConn) WriteUint64(num uint64)              { g.w.WriteUint64(num) }
func (g *gearConn) WriteArray(count int)                { g.w.WriteArray(count) }
func (g *gearConn) WriteNull()                          { g.w.WriteNull() }
func (g *gearConn) WriteRaw(data []byte)                { g.w.WriteRaw(data) }
func (g *gearConn) WriteAny(v any)                      { g.w.WriteAny(v) }
func (g *gearConn) Context() any                        { return g.ctx }
func (g *gearConn) SetContext(v any)                    { g.ctx = v }
func (g *gearConn) SetReadBuffer(int)                   {}
func (g *gearConn) Detach() redcon.DetachedConn         { return nil }
func (g *gearConn) ReadPipeline() []redcon.Command      { return nil }
func (g *gearConn) PeekPipeline() []redcon.Command      { return nil }
func (g *gearConn) NetConn() net.Conn                   { return nil }
func (g *gearConn) WriteBulkFrom(n int64, rb io.Reader) { g.w.WriteBulkFrom(n, rb) }

var _ redcon.Conn = (*gearConn)(nil)

// gearRGCommand runs an RG.* or MODULE command sent by a gear and returns
// its raw reply, or nil if args is not such a command. RG.PYEXECUTE is
// refused, as RedisGears refuses it where blocking is not allowed.
func (e *Emulator) gearRGCommand(args [][]byte) []byte {
	name := commandName(args[0])
	if !e.rgCmds[name] {
		return nil
	}
	if name == "rg.pyexecute" {
		return redcon.AppendError(nil, msgMultiExec)
	}
	g := newGearConn()
	e.mux.ServeRESP(g, redcon.Command{Args: args})
	return g.reply()
}
