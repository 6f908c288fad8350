package parser

// chunks is a growable sequence stored in blocks of chunkLen elements.
// Appending never copies what is stored, so a sequence that grows to
// hundreds of thousands of elements leaves no trail of outgrown arrays
// for the garbage collector, as an appended slice does (about four times
// its final size in all); the walker keeps the cells and rows of a
// document in chunks until it copies them out once, at the exact size.
type chunks[T any] struct {
	blocks [][]T
	n      int
}

const chunkLen = 1024

func (c *chunks[T]) len() int { return c.n }

// add appends v.
func (c *chunks[T]) add(v T) {
	b := c.n / chunkLen
	if b == len(c.blocks) {
		c.blocks = append(c.blocks, make([]T, chunkLen))
	}
	c.blocks[b][c.n%chunkLen] = v
	c.n++
}

// at returns the element i, which must be below len.
func (c *chunks[T]) at(i int) *T { return &c.blocks[i/chunkLen][i%chunkLen] }

// truncate drops the elements from n on.
func (c *chunks[T]) truncate(n int) { c.n = n }

// reset empties c, keeping at most keep blocks for reuse.
func (c *chunks[T]) reset(keep int) {
	if len(c.blocks) > keep {
		clear(c.blocks[keep:])
		c.blocks = c.blocks[:keep]
	}
	c.n = 0
}
