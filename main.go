// Command parley is a terminal reader for following one story through
// several sources: read them, search them, and compare what they claim.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"parley/corpus"
	"parley/corpus/cmdload"
	"parley/corpus/compare/claimsfile"
	"parley/corpus/export"
	"parley/corpus/gctune"
	"parley/tui"
)

func main() {
	if err := newRootCmd(os.Stdout, os.Stderr).Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "parley:", corpus.CleanLine(err.Error()))
		os.Exit(1)
	}
}

// noCache is --no-cache, shared by every subcommand.
var noCache bool

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	noCache = false
	root := &cobra.Command{
		Use:   "parley [PATH...]",
		Short: "Read several sources on one story, search them, and compare their claims",
		Long: "parley opens a full-screen reader on its embedded corpus (five sources on the 2026\n" +
			"Islamabad talks), or on the files and folders you name: .txt, .text, .md, .markdown,\n" +
			".html, .htm, .xhtml, .pdf and .epub files (folders are searched recursively).",
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkPathsExist(cmd, args, stderr); err != nil {
				return err
			}
			return tui.Run(args, tui.Options{Stderr: stderr, Cache: corpus.OpenCache(noCache)})
		},
	}
	root.PersistentFlags().BoolVar(&noCache, "no-cache", false, "read and parse every file, neither using nor writing the document cache")
	root.SuggestionsMinimumDistance = 2
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentPreRun = func(cmd *cobra.Command, args []string) {
		if cmd != root {
			gctune.OneShot()
		}
	}
	root.SetVersionTemplate("parley {{.Version}}\n")
	root.AddCommand(
		newVersionCmd(stdout),
		newListCmd(stdout, stderr),
		newShowCmd(stdout, stderr),
		newSearchCmd(stdout, stderr),
		newCompareCmd(stdout, stderr),
		newClaimsCmd(stdout, stderr),
		newStoriesCmd(stdout, stderr),
	)
	return root
}

// needsArg is cobra.MinimumNArgs(1) with an error that names the
// missing argument.
func needsArg(name string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return fmt.Errorf("%s needs %s (usage: parley %s)", cmd.Name(), name, cmd.Use)
		}
		return nil
	}
}

// checkPathsExist fails before the screen is taken when none of the named
// paths exists, naming each, or when the first is a mistyped subcommand
// ("parley lst", "parley serch hormuz"). Paths that exist are read by the interface itself, which
// streams a large folder in.
func checkPathsExist(cmd *cobra.Command, paths []string, stderr io.Writer) error {
	var missing []string
	for i, p := range paths {
		_, err := os.Stat(p)
		if err == nil {
			continue
		}
		// A first word that is no path but is close to a subcommand is a
		// mistyped command ("parley serch hormuz"), whatever follows it.
		if i == 0 {
			if s := cmd.SuggestionsFor(p); len(s) > 0 {
				return fmt.Errorf("no file, folder or command %q; did you mean %q?", corpus.CleanLine(p), s[0])
			}
		}
		// Named as the loader names a skipped file: path: reason.
		if u := errors.Unwrap(err); u != nil {
			err = u
		}
		missing = append(missing, p+": "+err.Error())
	}
	if len(paths) == 0 || len(missing) < len(paths) {
		return nil
	}
	for _, m := range missing {
		fmt.Fprintln(stderr, "parley: skipped", corpus.CleanLine(m))
	}
	return corpus.ErrNoDocuments
}

// loader is the subcommands' loading, with --no-cache as given.
func loader(stderr io.Writer) cmdload.Loader {
	return cmdload.Loader{NoCache: noCache, Stderr: stderr}
}

func newListCmd(stdout, stderr io.Writer) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list [--json] [PATH...]",
		Short: "List the documents: id, date, outlet, author, title, words",
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := loader(stderr).Listed(args)
			if err != nil {
				return err
			}
			// Titles are cut to fit only on a terminal: a pipe or a
			// file gets them whole, for scripts to read.
			return export.WriteList(stdout, c, export.ListOptions{JSON: asJSON, Cut: export.TerminalWidth(stdout) > 0})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "write JSON")
	return cmd
}

func newStoriesCmd(stdout, stderr io.Writer) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stories [--json] [PATH...]",
		Short: "Group the documents into stories (one affair each) and mark copies",
		Long: "Group the documents into stories: documents that cover one concrete affair, found by\n" +
			"their shared distinctive names and terms. A document on its own is a story of one; a\n" +
			"document whose body is (almost) word for word another's is listed as its copy.",
		RunE: func(cmd *cobra.Command, args []string) error {
			var co export.CompareOptions
			c, err := loader(stderr).Grouped(args, &co)
			if err != nil {
				return err
			}
			// As list: titles whole unless on a terminal.
			opts := export.ListOptions{JSON: asJSON, Cut: export.TerminalWidth(stdout) > 0}
			return export.WriteStories(stdout, c.Docs, co.Stored.GroupingOf(c.Docs), opts)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "write JSON")
	return cmd
}

func newShowCmd(stdout, stderr io.Writer) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show [--json] DOC [PATH...]",
		Short: "Print one document, cleaned and reflowed (DOC: id, file name, path, or a unique prefix)",
		Args:  needsArg("DOC, a document"),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := loader(stderr).Corpus(args[1:])
			if err != nil {
				return err
			}
			doc, err := c.Find(args[0])
			if err != nil {
				return err
			}
			return export.WriteShow(stdout, doc, export.ShowOptions{JSON: asJSON, Width: export.TerminalWidth(stdout)})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "write JSON")
	return cmd
}

func newSearchCmd(stdout, stderr io.Writer) *cobra.Command {
	var opts export.SearchOptions
	cmd := &cobra.Command{
		Use:   "search [--json] [--limit N] QUERY [PATH...]",
		Short: "Fuzzy-search titles, headings and sentences; best hits first as file:block:sentence: text",
		Long: `Fuzzy-search titles, headings and sentences; best hits first as file:block:sentence: text.

Query syntax (as in fzf; every space-separated term must match):
  word     fuzzy: its letters in order      'word   exact substring
  ^word    starts with word                 word$   ends with word
  !word    does not contain word            a\ b    a space inside a term
  a | b    either term (a lone | joins the terms beside it; ^core go$ | rb$ | py$)
  \$       a dollar sign                    \|      a bar
A term with a capital letter is case-sensitive, one with an accented letter accent-sensitive.
Hits with a term as a whole word rank first, then at a word start, inside a word, and last
with its letters scattered; shorter text first within each. Only the first 300 characters
of a query are searched. An empty query, or operators alone, lists the documents.`,
		Args: needsArg("QUERY"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Stderr = stderr
			if err := opts.Check(); err != nil {
				return err
			}
			c, err := loader(stderr).Search(args[1:], args[0], &opts)
			if err != nil {
				return err
			}
			return export.RunSearch(stdout, c, args[0], opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "write JSON")
	cmd.Flags().IntVar(&opts.Limit, "limit", 50, "at most this many hits (0: all)")
	return cmd
}

func newCompareCmd(stdout, stderr io.Writer) *cobra.Command {
	var opts export.CompareOptions
	cmd := &cobra.Command{
		Use:   "compare [--json] [--markdown] [--top K] [--engine-only] [--all | --story ID] TEXT [PATH...]",
		Short: "Show what every source says on one point: matches, shared facts, or silence",
		Long: "Show what every source says on one point: matches, shared facts, or silence.\n\n" +
			"A sentence of a document is compared with the other documents of its story (see\n" +
			"parley stories); a typed text with the stories that speak to it. The output names the\n" +
			"set used; --all compares with every document. A copy of a document is shown once.",
		Args: needsArg("TEXT, a sentence or a few words"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.Check(); err != nil {
				return err
			}
			if opts.Top < 1 {
				return fmt.Errorf("--top takes a whole number from 1 up, not %d", opts.Top)
			}
			if strings.TrimSpace(args[0]) == "" {
				return errors.New("compare needs a sentence or a few words to compare")
			}
			c, err := loader(stderr).GroupedToCompare(args[1:], &opts)
			if err != nil {
				return err
			}
			if opts.Curated, err = claimsfile.ForCommand(c, args[1:], opts.EngineOnly, stderr, opts.Stored.Filler()); err != nil {
				return err
			}
			return loader(stderr).FinishStored(opts.Stored, export.RunCompare(stdout, c, args[0], opts))
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "write JSON")
	cmd.Flags().BoolVar(&opts.Markdown, "markdown", false, "write Markdown, ready to paste into a report")
	cmd.Flags().IntVar(&opts.Top, "top", 1, "best K matches per source")
	cmd.Flags().BoolVar(&opts.All, "all", false, "compare with every document, not only the sentence's story (or the stories that speak to a typed text)")
	cmd.Flags().StringVar(&opts.Story, "story", "", "compare within this story (an id from parley stories, or its unique prefix)")
	cmd.Flags().BoolVar(&opts.EngineOnly, "engine-only", false, "leave out the curated claims; computed results only")
	return cmd
}

func newClaimsCmd(stdout, stderr io.Writer) *cobra.Command {
	var opts export.CompareOptions
	cmd := &cobra.Command{
		Use:   "claims [--json] [--markdown] [--engine-only] [--story ID] [PATH...]",
		Short: "List the claims the sources of each story share, with each source's statements",
		Long: "List the claims the sources share, story by story (see parley stories): every story of\n" +
			"two documents or more, each under its label, or only the story --story names. Claims are\n" +
			"found within each story, over all its sentences.",
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.Check(); err != nil {
				return err
			}
			c, err := loader(stderr).GroupedToRead(args, &opts)
			if err != nil {
				return err
			}
			if opts.Curated, err = claimsfile.ForCommand(c, args, opts.EngineOnly, stderr, opts.Stored.Filler()); err != nil {
				return err
			}
			return loader(stderr).FinishStored(opts.Stored, export.RunClaims(stdout, c, opts))
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "write JSON")
	cmd.Flags().BoolVar(&opts.Markdown, "markdown", false, "write Markdown")
	cmd.Flags().BoolVar(&opts.EngineOnly, "engine-only", false, "leave out the curated claims; computed results only")
	cmd.Flags().StringVar(&opts.Story, "story", "", "only this story's claims (an id from parley stories, or its unique prefix)")
	return cmd
}

func newVersionCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version (the same as --version)",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, args []string) {
			fmt.Fprintln(stdout, "parley", version())
		},
	}
}

// version is read from the build information Go writes into the binary:
// the module's version, then the commit it was built from, its date and
// whether the tree had changes (when built inside a git checkout), and
// the Go version. A build without that information says "unknown".
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	return versionFrom(info)
}

func versionFrom(info *debug.BuildInfo) string {
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	var vcs []string
	if rev := settings["vcs.revision"]; rev != "" {
		vcs = append(vcs, "commit "+rev[:min(len(rev), 12)])
	}
	if t := settings["vcs.time"]; t != "" {
		vcs = append(vcs, t)
	}
	if settings["vcs.modified"] == "true" {
		vcs = append(vcs, "modified")
	}
	if len(vcs) > 0 {
		v += " (" + strings.Join(vcs, ", ") + ")"
	}
	if info.GoVersion != "" {
		v += " " + info.GoVersion
	}
	return v
}
