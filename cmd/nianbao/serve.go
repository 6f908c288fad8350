package main

import (
	"errors"
	"fmt"
	"log"
	"net"
	"strconv"
	"syscall"

	"github.com/nianbao/nianbao/rules"
	"github.com/nianbao/nianbao/serve"
	"github.com/urfave/cli/v2"
)

const usageServe = `在本机启动检查页面：在浏览器中选择或拖入报告文件（.docx、.doc、.wps、.pdf、.txt、.html），
   查看问题和三张表格（有问题的单元格高亮），并可下载问题清单（.xlsx）。
   文件只在内存中检查，不保存。默认只监听本机（127.0.0.1）；监听其他地址须明确给出 --addr。
   按 Ctrl-C 停止。

   nianbao serve
   nianbao serve --open --addr 127.0.0.1:0      # 任选一个空闲端口，并在默认浏览器中打开
   nianbao serve --addr 127.0.0.1:9000 --max-upload 50MB

   在 Windows 中双击 nianbao.exe 即启动本页面并打开浏览器，关闭窗口即退出。

   接口：POST /api/check（multipart 字段 file）返回与 nianbao check --format json 相同的 JSON；
   POST /api/check.xlsx 返回工作簿；POST /api/check.html 返回页面所用的 HTML 片段。`

// Texts of the serve command (translated in report/messages.go).
const (
	msgServing = "nianbao serve: open %s in a browser; press Ctrl-C to stop"
	msgExposed = "warning: listening on %s, which other computers can reach: anyone who can connect can upload files to be checked"
	msgStopped = "nianbao serve: stopped"
	msgWindow  = "nianbao check page: %s\nClose this window to quit."
	msgNoOpen  = "the browser could not be opened (%v): open %s in a browser"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name: "serve", Usage: "在浏览器中打开本机检查页面 / start the local check page in the browser (loopback only by default)",
		Description: usageServe,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8765", Usage: "listen on `HOST:PORT`; HOST is an IP address or localhost (a non-loopback host makes the page reachable from other computers)"},
			&cli.StringFlag{Name: "max-upload", Value: "20MB", Usage: "largest file accepted (`SIZE`: 20MB, 512KB, bytes)"},
			&cli.StringFlag{Name: "lang", Value: "zh", Usage: "default language of the page and the API: zh or en", EnvVars: []string{"NIANBAO_LANG"}},
			&cli.StringFlag{Name: "config", Usage: "configuration `FILE` (default: .nianbao.yaml in the working directory or a parent)"},
			&cli.BoolFlag{Name: "open", Usage: "open the page in the default browser"},
			// Started by a double-click: the console window is nianbao's own.
			&cli.BoolFlag{Name: "window", Hidden: true},
		},
		Action: serveAction,
	}
}

// listenAddr validates --addr and reports whether it is a loopback
// address. A host that is not an IP address must be "localhost"; the empty
// host (":8765") means every interface.
func listenAddr(addr string) (loopback bool, err error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return false, rules.Errorf(msgBadAddr, addr)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return false, rules.Errorf(msgBadPort, port)
	}
	if host == "localhost" {
		return true, nil
	}
	if host == "" {
		return false, nil
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return false, rules.Errorf(msgBadHost, host)
	}
	return ip.IsLoopback(), nil
}

func serveAction(c *cli.Context) error {
	p, err := cmdPrinter(c)
	if err != nil {
		return err
	}
	if c.NArg() > 0 {
		return usageError(p, msgServeArg, c.Args().First())
	}
	addr := c.String("addr")
	loopback, err := listenAddr(addr)
	if err != nil {
		return usageError(p, "--addr: %v", err)
	}
	maxUpload, err := serve.ParseSize(c.String("max-upload"))
	if err != nil {
		return usageError(p, "--max-upload: %v", err)
	}
	opts := serve.DefaultOptions()
	if err := configure(c, p, &opts.Lint); err != nil {
		return err
	}
	opts.MaxUpload, opts.Lang = maxUpload, c.String("lang")
	ln, err := net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return usageError(p, msgAddrInUse, addr)
	} else if err != nil {
		return runError(p, err)
	}
	stderr := c.App.ErrWriter
	url := "http://" + ln.Addr().String() + "/"
	if !loopback {
		fmt.Fprintln(stderr, p.Sprintf(msgExposed, ln.Addr().String()))
	}
	if a, ok := ln.Addr().(*net.TCPAddr); ok && a.IP.IsUnspecified() {
		// Every interface: the loopback one is the address to open here.
		url = "http://" + net.JoinHostPort("127.0.0.1", strconv.Itoa(a.Port)) + "/"
	}
	if c.Bool("window") {
		fmt.Fprintln(c.App.Writer, p.Sprintf(msgWindow, url))
	} else {
		fmt.Fprintln(c.App.Writer, p.Sprintf(msgServing, url))
	}
	if c.Bool("open") {
		if err := openBrowser(url); err != nil {
			fmt.Fprintln(stderr, p.Sprintf(msgNoOpen, err, url))
		}
	}
	srv := serve.NewServer(serve.Handler(opts), log.New(stderr, "nianbao serve: ", 0))
	if err := serve.Serve(c.Context, ln, srv); err != nil {
		return runError(p, err)
	}
	fmt.Fprintln(stderr, p.Sprintf(msgStopped))
	return nil
}
