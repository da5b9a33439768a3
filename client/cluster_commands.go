package client

import (
	"context"
	"errors"
	"strings"
	"sync"

	"github.com/redis/go-redis/v9"
)

// ClusterCmdable is the RedisGears cluster commands.
type ClusterCmdable interface {
	// InfoCluster describes the RedisGears cluster: `RG.INFOCLUSTER`.
	InfoCluster(ctx context.Context) (*ClusterInfo, error)
	// RefreshCluster makes every master reread the topology: `RG.REFRESHCLUSTER`.
	RefreshCluster(ctx context.Context) error
}

// InfoCluster describes the RedisGears cluster (this shard's id and every
// shard's id, address and slot range) with `RG.INFOCLUSTER`. A standalone
// server replies "no cluster mode": that gives a nil *ClusterInfo and a nil
// error.
//
//	info, err := c.InfoCluster(ctx)
//	if info == nil { /* standalone */ }
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rginfocluster
func (c *Client) InfoCluster(ctx context.Context) (*ClusterInfo, error) {
	v, err := c.call(ctx, "RG.INFOCLUSTER")
	if err != nil {
		return nil, err
	}
	return parseClusterInfo(v)
}

// RefreshCluster makes RedisGears reread the cluster topology with
// `RG.REFRESHCLUSTER`. An OSS cluster needs it on every node, so on a
// go-redis ClusterClient it is sent to every master; the error joins the
// masters that failed. It also drops the client's cached shard map.
//
//	err := c.RefreshCluster(ctx)
//
// See https://oss.redis.com/redisgears/1.2/commands.html#rgrefreshcluster
func (c *Client) RefreshCluster(ctx context.Context) error {
	c.mu.Lock()
	c.shards = nil
	c.mu.Unlock()
	replies, err := c.eachMaster(ctx, "RG.REFRESHCLUSTER")
	if err != nil {
		return err
	}
	for _, r := range replies {
		if !isOK(r.reply) {
			return badReply("RG.REFRESHCLUSTER", "node %s replied %v, want OK", r.addr, r.reply)
		}
	}
	return nil
}

// nodeReply is the reply of one node in a fan-out.
type nodeReply struct {
	addr  string
	reply any
}

// eachMaster sends args to every master of a cluster client, or once
// through a standalone one, and returns the replies in address order. The
// error joins every node that failed.
func (c *Client) eachMaster(ctx context.Context, args ...any) ([]nodeReply, error) {
	cc, ok := c.rdb.(*redis.ClusterClient)
	if !ok {
		v, err := c.call(ctx, args...)
		if err != nil {
			return nil, err
		}
		return []nodeReply{{addr: addrOf(c.rdb), reply: v}}, nil
	}
	var mu sync.Mutex
	var out []nodeReply
	var errs []error
	err := cc.ForEachMaster(ctx, func(ctx context.Context, node *redis.Client) error {
		v, err := c.do(ctx, node, redis.NewCmd(ctx, args...))
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			errs = append(errs, nodeError(node.Options().Addr, err))
			return nil
		}
		out = append(out, nodeReply{addr: node.Options().Addr, reply: v})
		return nil
	})
	if err != nil {
		errs = append(errs, classify(args[0].(string), err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	sortReplies(out)
	return out, nil
}

func sortReplies(r []nodeReply) {
	for i := 1; i < len(r); i++ {
		for j := i; j > 0 && r[j].addr < r[j-1].addr; j-- {
			r[j], r[j-1] = r[j-1], r[j]
		}
	}
}

// nodeError adds the node's address to an *Error's message.
func nodeError(addr string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		e.Msg = "node " + addr + ": " + e.Msg
	}
	return err
}

func addrOf(p any) string {
	if cl, ok := p.(*redis.Client); ok {
		return cl.Options().Addr
	}
	return ""
}

// shardOf returns the shard id part of an execution id "<shard>-<seq>".
func shardOf(id string) string {
	i := strings.LastIndexByte(id, '-')
	if i <= 0 {
		return ""
	}
	return id[:i]
}

// nodeForID returns where to send a command about execution id: the master
// whose RedisGears shard id prefixes id in a cluster (learned by asking
// every master RG.INFOCLUSTER, cached, refreshed once on a miss), or the
// UniversalClient otherwise. An id naming no shard of the cluster gives
// ErrExecutionNotFound without sending the command.
func (c *Client) nodeForID(ctx context.Context, command, id string) (processor, error) {
	cc, ok := c.rdb.(*redis.ClusterClient)
	shard := shardOf(id)
	if !ok || shard == "" {
		return c.rdb, nil
	}
	if n := c.shard(shard); n != nil {
		return n, nil
	}
	loadErr := c.loadShards(ctx, cc)
	if n := c.shard(shard); n != nil {
		return n, nil
	}
	if loadErr != nil {
		return nil, loadErr
	}
	return nil, &Error{Command: command, Kind: ErrExecutionNotFound,
		Msg: "execution " + id + ": no shard of the cluster has id " + shard}
}

func (c *Client) shard(id string) *redis.Client {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.shards[id]
}

// loadShards asks every master for its RedisGears shard id (MyId of
// RG.INFOCLUSTER). Asking each node, rather than matching the addresses one
// node reports, keeps working behind NAT or announce-ip settings.
func (c *Client) loadShards(ctx context.Context, cc *redis.ClusterClient) error {
	m := map[string]*redis.Client{}
	var mu sync.Mutex
	var errs []error
	err := cc.ForEachMaster(ctx, func(ctx context.Context, node *redis.Client) error {
		v, err := c.do(ctx, node, redis.NewCmd(ctx, "RG.INFOCLUSTER"))
		if err == nil {
			var info *ClusterInfo
			info, err = parseClusterInfo(v)
			if err == nil && info != nil {
				mu.Lock()
				m[info.MyID] = node
				mu.Unlock()
			}
		}
		if err != nil {
			mu.Lock()
			errs = append(errs, nodeError(node.Options().Addr, err))
			mu.Unlock()
		}
		return nil
	})
	if err != nil {
		errs = append(errs, classify("RG.INFOCLUSTER", err))
	}
	c.mu.Lock()
	c.shards = m
	c.mu.Unlock()
	return errors.Join(errs...)
}
