package server

import (
	"context"
	"strconv"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/assess"
	"github.com/leverage-dev/leverage/query"
	"github.com/leverage-dev/leverage/read"
)

// Limits of the cache. When one is reached, that part of the cache is
// emptied and fills again with what is asked.
const (
	maxModels      = 64       // models, one per as-of date (a model of the built-in data is about 1 MB)
	maxAnswerBytes = 64 << 20 // encoded answers of cacheable routes (an assessment is about 50 KB)
)

// cache keeps what answers are computed from (models loaded as of a date,
// the article reader) and the answers of cacheable routes, until the next
// write. Every entry belongs to a generation; a write starts a new one.
type cache struct {
	st leverage.Store

	mu        sync.Mutex
	gen       uint64
	rows      *snapshot                // what models are built from
	models    map[string]*assess.Model // by as-of date
	reader    *read.Reader             // for the day readerDay
	readerDay time.Time
	answers   map[string][]byte
	answered  int // bytes in answers

	loading singleflight.Group // reads of the store under way, by generation
}

func newCache(st leverage.Store) *cache {
	return &cache{st: st, models: map[string]*assess.Model{}, answers: map[string][]byte{}}
}

// generation returns the current generation.
func (c *cache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// invalidate drops everything and starts a new generation.
func (c *cache) invalidate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.rows = nil
	c.models = map[string]*assess.Model{}
	c.reader = nil
	c.answers, c.answered = map[string][]byte{}, 0
}

// answer returns the kept answer for key.
func (c *cache) answer(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.answers[key]
	return b, ok
}

// keep stores an answer computed in generation gen, unless a write came
// since.
func (c *cache) keep(key string, b []byte, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if c.answered+len(b) > maxAnswerBytes {
		c.answers, c.answered = map[string][]byte{}, 0
	}
	if _, ok := c.answers[key]; !ok {
		c.answers[key] = b
		c.answered += len(b)
	}
}

// snapshot is every actor, relation, source and fact of the store, read
// once per generation: a model for another date is built from it without
// reading the store again.
type snapshot struct {
	actors    []*leverage.Actor
	relations []*leverage.Relation
	sources   []*leverage.Source
	facts     []*leverage.Fact
}

// model returns the model as of asOf, built on first use. Models are
// read-only once built, so requests share them.
func (c *cache) model(ctx context.Context, asOf time.Time) (*assess.Model, error) {
	key := asOf.Format(time.DateOnly)
	c.mu.Lock()
	m, rows, gen := c.models[key], c.rows, c.gen
	c.mu.Unlock()
	if m != nil {
		return m, nil
	}
	if rows == nil {
		var err error
		if rows, err = c.load(ctx, gen); err != nil {
			return nil, err
		}
	}
	m = assess.NewModel(asOf, rows.actors, rows.relations, rows.sources, rows.facts)
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen == c.gen {
		if len(c.models) >= maxModels {
			c.models = map[string]*assess.Model{}
		}
		c.models[key], c.rows = m, rows
	}
	return m, nil
}

// load reads the store's rows for generation gen. Requests arriving
// together wait for one read.
func (c *cache) load(ctx context.Context, gen uint64) (*snapshot, error) {
	v, err, _ := c.loading.Do(strconv.FormatUint(gen, 10), func() (any, error) {
		return c.read(context.WithoutCancel(ctx)) // not ended by the first asker leaving
	})
	if err != nil {
		return nil, err
	}
	return v.(*snapshot), nil
}

// read reads the store's rows.
func (c *cache) read(ctx context.Context) (*snapshot, error) {
	var s snapshot
	var err error
	if s.actors, err = c.st.Actors(ctx, leverage.ActorFilter{}); err != nil {
		return nil, err
	}
	if s.relations, err = c.st.Relations(ctx); err != nil {
		return nil, err
	}
	if s.sources, err = c.st.Sources(ctx, leverage.SourceFilter{}); err != nil {
		return nil, err
	}
	if s.facts, err = c.st.Facts(ctx, leverage.FactFilter{}); err != nil {
		return nil, err
	}
	return &s, nil
}

// articleReader returns the reader of articles for the day today, built
// on first use that day (the reader dates articles that carry no date of
// their own, and the day they were read, by its clock now).
func (c *cache) articleReader(ctx context.Context, today time.Time, now func() time.Time) (*read.Reader, error) {
	c.mu.Lock()
	rd, rows, gen := c.reader, c.rows, c.gen
	if !c.readerDay.Equal(today) {
		rd = nil
	}
	c.mu.Unlock()
	if rd != nil {
		return rd, nil
	}
	if rows == nil {
		var err error
		if rows, err = c.load(ctx, gen); err != nil {
			return nil, err
		}
	}
	m, err := query.NewReadModel(rows.actors, rows.relations, rows.facts, now())
	if err != nil {
		return nil, err
	}
	rd = read.New(m)
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen == c.gen {
		c.reader, c.readerDay, c.rows = rd, today, rows
	}
	return rd, nil
}
