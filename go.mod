module github.com/gogears/gogears

go 1.27
