package rules

// All returns every rule, sorted by ID. The list is explicit: a rule exists
// when it is listed here.
func All() []*Rule {
	return []*Rule{
		A2001,
		A2002,
		A2003,
		A3001,
		A3002,
		A3003,
		C1001,
		C1002,
		C1003,
		C1004,
		C1005,
		C1006,
		C1007,
		M1001,
		M1002,
		M1003,
		P0001,
		P0002,
	}
}
