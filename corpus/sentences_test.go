package corpus

import (
	"reflect"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two plain", "It began. It ended.", []string{"It began.", "It ended."}},
		{"us mid sentence", "The U.S. and Iran met. Talks followed.", []string{"The U.S. and Iran met.", "Talks followed."}},
		{"us before name", "U.S. Vice President J.D. Vance met Sharif.", []string{"U.S. Vice President J.D. Vance met Sharif."}},
		{"chinese stops", "这次会谈是一个重要的开始。双方都表示愿意继续对话！是吗？", []string{"这次会谈是一个重要的开始。", "双方都表示愿意继续对话！", "是吗？"}},
		{"japanese quotation goes on", "彼は「はい。」と言った。次の文。", []string{"彼は「はい。」と言った。", "次の文。"}},
		{"chinese quotation ends the sentence", "他说：“我们会继续。” 然后离开了。", []string{"他说：“我们会继续。”", "然后离开了。"}},
		{"full-width stop then latin", "会谈结束。 The talks ended.", []string{"会谈结束。", "The talks ended."}},
		{"us at end", "Pakistan mediated between Iran and U.S. Both trust it.", []string{"Pakistan mediated between Iran and U.S.", "Both trust it."}},
		{"us then this", "between Iran and the U.S. This approach works.", []string{"between Iran and the U.S.", "This approach works."}},
		{"titles", "Gen. Asim Munir met Mr. Dar and Dr. Peng. They spoke.", []string{"Gen. Asim Munir met Mr. Dar and Dr. Peng.", "They spoke."}},
		{"number abbrev", "He lives at No. 10 Downing Street. It is old.", []string{"He lives at No. 10 Downing Street.", "It is old."}},
		{"no as answer", "She said no. Then she left.", []string{"She said no.", "Then she left."}},
		{"ie eg", "Next week i.e. from 20th April. Some e.g. Qatar helped.", []string{"Next week i.e. from 20th April.", "Some e.g. Qatar helped."}},
		{"decimals", "Prices rose 2.5 percent. Oil hit $90.5 a barrel.", []string{"Prices rose 2.5 percent.", "Oil hit $90.5 a barrel."}},
		{"closing quote", "“Move forward.” He said it twice.", []string{"“Move forward.”", "He said it twice."}},
		{"quote then lower", "“Is it over?” he asked. No one knew.", []string{"“Is it over?” he asked.", "No one knew."}},
		{"straight quotes", `"It was a process." Then silence.`, []string{`"It was a process."`, "Then silence."}},
		{"numbered item", "1. Historical Diplomatic Balancing", []string{"1. Historical Diplomatic Balancing"}},
		{"numbered sentence", "2. Pakistan acted. It mediated.", []string{"2. Pakistan acted.", "It mediated."}},
		{"year then digit start", "It ended in 1979. 1st phase began.", []string{"It ended in 1979.", "1st phase began."}},
		{"initial in name", "Mian M. Shehbaz Sharif left.", []string{"Mian M. Shehbaz Sharif left."}},
		{"double period", "It ends here.. ", []string{"It ends here.."}},
		{"ellipsis", "Wait… Then go.", []string{"Wait…", "Then go."}},
		{"question and exclaim", "Why now? Because! Fine.", []string{"Why now?", "Because!", "Fine."}},
		{"domain and hyphen", "See rcas.top for U.S.-led talks. Done.", []string{"See rcas.top for U.S.-led talks.", "Done."}},
		{"credit line", "Sharif met Ghalibaf in Islamabad. (Prime Minister Office)", []string{"Sharif met Ghalibaf in Islamabad. (Prime Minister Office)"}},
		{"parenthesis sentence", "It ended. (It had begun in 2024, long before the talks in Islamabad took place at all.) Then more.", []string{"It ended.", "(It had begun in 2024, long before the talks in Islamabad took place at all.)", "Then more."}},
		{"no terminal", "Ending the ongoing war", []string{"Ending the ongoing war"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitSentences(tt.in)
			var texts []string
			for _, s := range got {
				if tt.in[s.Start:s.End] != s.Text {
					t.Fatalf("offsets [%d,%d) do not give %q", s.Start, s.End, s.Text)
				}
				texts = append(texts, s.Text)
			}
			if !reflect.DeepEqual(texts, tt.want) {
				t.Errorf("got  %q\nwant %q", texts, tt.want)
			}
		})
	}
}
