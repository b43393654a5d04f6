package schedule

import (
	_ "embed"
	"slices"
)

// schema is the JSON Schema of queue.json, embedded read-only.
//
//go:embed queue.schema.json
var schema []byte

// Schema returns the JSON Schema (draft 2020-12) of the queue.json that
// [Queue] is written as: every field of every object, closed to others, so
// a publisher can check a queue file before it posts anything. The result
// is a fresh copy the caller may change.
func Schema() []byte {
	return slices.Clone(schema)
}
