package output_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/faqcast/faqcast/generator/output"
)

// Write a build's files, then a second build without one of them: only
// what changed is written, and what the second build no longer makes is
// removed, with the folder it leaves empty. A file faqcast did not make
// is left alone; the manifest lists what it made.
func ExampleWriter_Write() {
	dir, err := os.MkdirTemp("", "faqcast-output")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(dir+"/CNAME", []byte("clinic.example\n"), 0o644); err != nil {
		log.Fatal(err)
	}
	w := &output.Writer{Dir: dir}
	ctx := context.Background()
	st, err := w.Write(ctx, []output.File{
		{Path: "index.html", Data: []byte("<p>Home</p>\n")},
		{Path: "faq/first-visit/index.html", Data: []byte("<p>Bring your ID.</p>\n")},
	}, nil)

	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%+v\n", st)
	st, err = w.Write(ctx, []output.File{
		{Path: "index.html", Data: []byte("<p>Home, again</p>\n")},
	}, nil)

	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%+v\n", st)
	names, _ := os.ReadDir(dir)
	for _, n := range names {
		fmt.Println(n.Name())
	}
	// Output:
	// {Written:2 Unchanged:0 Removed:0}
	// {Written:1 Unchanged:0 Removed:1}
	// .faqcast-manifest
	// CNAME
	// index.html
}
