package text

import (
	"fmt"
	"syscall"
	"time"
)

func fmtV(v any) string { return fmt.Sprintf("%+v", v) }

func zzCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
