package rules

import "github.com/nianbao/nianbao/schema"

// A1004 reports 规章 issued by a body without rule-making power.
var A1004 = &Rule{
	ID:       "A1004",
	Title:    "Table 2: rules (规章) issued by a body without rule-making power",
	Doc:      `Under the Legislation Law only the departments of the State Council and the governments of provinces, autonomous regions, municipalities and cities divided into districts make 规章; the general office (办公厅/办公室) of such a government, reporting for it, has its power. A town, street office, county or district government, or a department of a local government that reports 规章 made or issued this year has most likely counted normative documents (规范性文件) as rules. The kind of body is read from the agency name; names that do not tell (a 市人民政府 may or may not have the power) are not checked.`,
	Severity: Warning,
	Since:    "0.2.0",
	Example:  Example{Bad: "某某镇人民政府 — 规章 | 2 | 0 | 2", Good: "某某镇人民政府 — 规章 | 0 | 0 | 0"},
	Check:    checkRuleMakingPower,
	ZH: Texts{
		Title: "表二：无规章制定权的机关填报了规章",
		Doc:   `根据立法法，只有国务院部门和省、自治区、直辖市、设区的市人民政府可以制定规章；这些人民政府的办公厅（办公室）代表本级政府报告，同样适用。乡镇、街道、县区人民政府及地方政府部门填报本年制定或制发规章，多半是把规范性文件计入了规章。机关类型根据机关名称判断；名称无法判断的（如“某市人民政府”可能是设区的市，也可能不是）不检查。`,
		Messages: []Translation{
			{msgA1004, "%s填报规章 %s 件，但此类机关没有规章制定权；是否把规范性文件计入了规章？"},
		},
	},
}

const msgA1004 = "%s reports %s rules (规章), but a body of this kind cannot make rules; were normative documents counted here?"

func checkRuleMakingPower(pass *Pass) {
	r := pass.Report
	makes, known := schema.MakesRules(r.Agency)
	if !known || makes {
		return
	}
	for _, k := range []string{"t2.a1.reg.issued", "t2.a1.reg.made", "t2.a1.reg.newpub"} {
		if c := r.Cell(k); c.IsNumber() && c.Value > 0 {
			pass.Add(Finding{Msg: Message{msgA1004, []any{r.Agency, Num(c.Value)}}, Cell: k})
			return
		}
	}
}
