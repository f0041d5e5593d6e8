// Package read implements `leverage read`: an article (file, URL, standard
// input or a folder of them) to candidate facts and flags.
package read

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/internal/progress"
	"github.com/leverage-dev/leverage/query"
	"github.com/leverage-dev/leverage/read"
	"github.com/leverage-dev/leverage/read/extract"
	"github.com/leverage-dev/leverage/report"
)

// Options are the flags of read.
type Options struct {
	Format   string
	Text     bool
	Accept   string
	Timeout  time.Duration
	MaxBytes int64
}

// NewCmd returns the read command.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{}
	cmd := &cobra.Command{
		Use:   "read SOURCE",
		Short: "Read an article: its actors, candidate facts and what looks wrong",
		Long: `Read an article and list the model's actors it names, the facts it states as
candidates for the model (each pinned to its sentence, with a confidence),
and flags: names close to a known actor's, names used outside their period,
statements at odds with stored facts, a text cut off mid-sentence, figures
with no stated source or date.

SOURCE is a file (HTML or plain text, detected), an http(s) URL, - for
standard input, or a folder (every file in it). --text prints only the main
text. --accept stores candidates (all, or ids such as c1,c3) with the
article as their source, in one transaction. docs/reading.md describes the
method.`,
		Example: `  leverage read ../shared/inputs/articles/russia-kazakhstan-strategic-target.txt
  leverage read https://example.org/article.html --format md > review.md
  leverage read page.html --text
  leverage read article.txt --accept c2,c5
  leverage read articles/ --format json`,
		Args: cmdutil.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return run(cmd, f, opts, args[0]) },
	}
	cmd.Flags().StringVar(&opts.Format, "format", "table", "output format: table, json or md")
	cmd.Flags().BoolVar(&opts.Text, "text", false, "print only the extracted main text")
	cmd.Flags().StringVar(&opts.Accept, "accept", "", "store candidates: all, or a comma-separated list of ids (c1,c3)")
	cmd.Flags().DurationVar(&opts.Timeout, "timeout", 20*time.Second, "for a URL: how long to wait for it")
	cmd.Flags().Int64Var(&opts.MaxBytes, "max-bytes", 10<<20, "the largest input read, in bytes")
	return cmd
}

// input is one thing to read.
type input struct {
	name        string
	body        []byte
	contentType string
}

func run(cmd *cobra.Command, f *cmdutil.Factory, opts *Options, source string) error {
	if err := cmdutil.CheckFormat(opts.Format, report.ReadFormats...); err != nil {
		return err
	}
	if opts.MaxBytes <= 0 {
		return cmdutil.Usagef("--max-bytes: want a positive number, got %d", opts.MaxBytes)
	}
	ctx := cmd.Context()
	files, err := sources(source)
	if err != nil {
		return err
	}
	if opts.Accept != "" && len(files) != 1 {
		return cmdutil.Usagef("--accept: read one article at a time to accept its candidates")
	}
	st, err := f.OpenStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	m, err := query.ReadModel(ctx, st, f.Now())
	if err != nil {
		return err
	}
	rd := read.New(m)
	var results []*read.Result
	bar := progress.New(f.ErrOut, "reading", len(files), progress.Every(200*time.Millisecond))
	for i, name := range files {
		in, err := load(ctx, f, name, opts)
		if err != nil {
			return err
		}
		doc, err := extract.Extract(bytes.NewReader(in.body), in.contentType, extract.Options{URL: urlOf(in.name), MaxBytes: opts.MaxBytes})
		if err != nil {
			return fmt.Errorf("read %s: %w", in.name, err)
		}
		if opts.Text {
			if _, err := io.WriteString(f.Out, strings.TrimRight(doc.Text, "\n")+"\n"); err != nil {
				return err
			}
			continue
		}
		results = append(results, rd.Read(doc, in.name))
		if len(files) > 1 {
			bar.Set(i + 1)
		}
	}
	bar.Done()
	if opts.Text {
		return nil
	}
	if opts.Accept != "" {
		if err := accept(ctx, st, results[0], opts.Accept, f); err != nil {
			return err
		}
	}
	return report.WriteRead(f.Out, opts.Format, results...)
}

// sources lists what to read: the one source, or the files of a folder.
func sources(source string) ([]string, error) {
	if source == "-" || strings.HasPrefix(source, "http://") || strings.HasPrefix(source, "https://") {
		return []string{source}, nil
	}
	st, err := os.Stat(source)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", source, err)
	}
	if !st.IsDir() {
		return []string{source}, nil
	}
	entries, err := os.ReadDir(source)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", source, err)
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, filepath.Join(source, e.Name()))
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("read %s: the folder holds no files", source)
	}
	return out, nil
}

// load reads one source: a URL (fetched), standard input, or a file.
func load(ctx context.Context, f *cmdutil.Factory, name string, opts *Options) (input, error) {
	if strings.HasPrefix(name, "http://") || strings.HasPrefix(name, "https://") {
		ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
		defer cancel()
		body, ct, err := extract.Fetch(ctx, &http.Client{}, name, opts.MaxBytes)
		if err != nil {
			return input{}, err
		}
		return input{name, body, ct}, nil
	}
	var r io.Reader
	if name == "-" {
		r = f.In
		if r == nil {
			r = os.Stdin
		}
	} else {
		fh, err := os.Open(name)
		if err != nil {
			return input{}, fmt.Errorf("read %s: %w", name, err)
		}
		defer fh.Close()
		r = fh
	}
	body, err := io.ReadAll(io.LimitReader(r, opts.MaxBytes+1))
	if err != nil {
		return input{}, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(body)) > opts.MaxBytes {
		return input{}, fmt.Errorf("read %s: larger than --max-bytes %d", name, opts.MaxBytes)
	}
	return input{name, body, ""}, nil
}

func urlOf(name string) string {
	if strings.HasPrefix(name, "http://") || strings.HasPrefix(name, "https://") {
		return name
	}
	return ""
}

// accept stores the chosen candidates with the article as their source.
func accept(ctx context.Context, st leverage.Store, r *read.Result, which string, f *cmdutil.Factory) error {
	facts, err := query.Accept(r, which)
	if err != nil {
		return cmdutil.Usagef("--accept: %v", err)
	}
	if err := st.AddFacts(ctx, "read", []*leverage.Source{r.Source}, facts); err != nil {
		return fmt.Errorf("accept: nothing stored: %w", err)
	}
	fmt.Fprintf(f.ErrOut, "stored %d facts citing %s\n", len(facts), r.Source.ID)
	return nil
}
